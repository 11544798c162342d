# Random search vs gradient descent on the same problem, with the same budget
# of 100 tries (random search: one loss evaluation each) or 100 steps
# (gradient descent: one gradient each), every step the same length 0.2.
# The problem: logistic regression, a sigmoid neuron with DIM weights and the
# cross-entropy loss over 200 examples.
import math
import random

from backprop_core.text import rjust  # pad by display width: a CJK character takes 2 columns


def make_data(dim, n=200, seed=0):
    rng = random.Random(seed)
    true_w = [rng.choice([-1.0, 1.0]) for _ in range(dim)]
    data = []
    for _ in range(n):
        x = [rng.uniform(-1.0, 1.0) for _ in range(dim)]
        z = sum(wi * xi for wi, xi in zip(true_w, x))
        y = 1.0 if rng.random() < sigmoid(2.0 * z) else 0.0  # noisy labels
        data.append((x, y))
    return data


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def loss(w, data):                       # mean cross-entropy
    total = 0.0
    for x, y in data:
        p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
        total -= y * math.log(p) + (1.0 - y) * math.log(1.0 - p)
    return total / len(data)


def gradient(w, data):                   # dL/dw_i = mean of (p - y) * x_i
    g = [0.0] * len(w)
    for x, y in data:
        p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
        for i, xi in enumerate(x):
            g[i] += (p - y) * xi / len(data)
    return g


def unit(v):
    length = math.sqrt(sum(vi * vi for vi in v))
    return [vi / length for vi in v]


def random_search(w, data, tries, step=0.2, seed=1):
    rng = random.Random(seed)
    best = loss(w, data)
    for _ in range(tries):               # a random direction, step long
        u = unit([rng.gauss(0.0, 1.0) for _ in w])
        candidate = [wi + step * ui for wi, ui in zip(w, u)]
        candidate_loss = loss(candidate, data)
        if candidate_loss < best:
            w, best = candidate, candidate_loss
    return best


def gradient_descent(w, data, steps, step=0.2):
    for _ in range(steps):               # along -gradient, step long
        u = unit(gradient(w, data))
        w = [wi - step * ui for wi, ui in zip(w, u)]
    return loss(w, data)


BUDGET = 100
print(rjust("DIM", 4), rjust("start loss", 12), rjust("random search", 15),
      rjust("gradient descent", 18))
for dim in (2, 10, 50):
    data = make_data(dim)
    start = [0.0] * dim
    print(
        f"{dim:>4} {loss(start, data):>12.4f}"
        f" {random_search(start, data, BUDGET):>15.4f}"
        f" {gradient_descent(start, data, BUDGET):>18.4f}"
    )
