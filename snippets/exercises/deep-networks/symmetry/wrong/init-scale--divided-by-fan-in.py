def init_weights(n_in, n_out, rng):
    return [[rng.uniform(-1, 1) / n_in for _ in range(n_in)] for _ in range(n_out)]
