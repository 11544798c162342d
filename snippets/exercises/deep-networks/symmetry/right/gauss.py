import math


def init_weights(n_in, n_out, rng):
    return [[rng.gauss(0, math.sqrt(1 / n_in)) for _ in range(n_in)] for _ in range(n_out)]
