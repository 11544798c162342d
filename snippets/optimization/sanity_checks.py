# Sanity checks before a long training run, on a 2-8-8-1 network with the
# cross-entropy loss: the loss at the start, the effect of regularization,
# and whether the network can learn five points by heart.
import itertools
import math
import random

from backprop_core import Value
from backprop_core.datasets import moons


def network(rng, hidden=8):             # He-scaled hidden layers, a small output layer
    sizes, layers = [2, hidden, hidden, 1], []
    for k, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        s = 0.01 if k == 2 else math.sqrt(2 / n_in)
        layers.append([([Value(rng.gauss(0, s)) for _ in range(n_in)], Value(0.0))
                       for _ in range(n_out)])
    return layers


def score(layers, x, y):
    h = [x, y]
    for k, layer in enumerate(layers):
        h = [Value.dot(w, h) + b for w, b in layer]
        if k < len(layers) - 1:
            h = [v.relu() for v in h]
    return h[0]


def parameters(layers):
    return [p for layer in layers for w, b in layer for p in (*w, b)]


def weights(layers):                    # the weights, not the biases
    return [p for layer in layers for w, b in layer for p in w]


def loss_of(layers, points, labels, reg=0.0):   # mean cross-entropy, softplus(-label * s)
    data = Value.sum([(-label * score(layers, x, y)).softplus()
                      for (x, y), label in zip(points, labels)]) / len(points)
    return data + 0.5 * reg * Value.dot(weights(layers), weights(layers))


def train(layers, points, labels, steps, rate, reg=0.0):
    for _ in range(steps):
        loss = loss_of(layers, points, labels, reg)
        for p in parameters(layers):
            p.grad = 0.0
        loss.backward()
        for p in parameters(layers):
            p.data -= rate * p.grad
    return loss_of(layers, points, labels, reg).data


def accuracy(layers, points, labels):
    return sum((score(layers, x, y).data > 0) == (label > 0)
               for (x, y), label in zip(points, labels))


points, labels = moons(100, noise=0.3, seed=0)
layers = network(random.Random(0))

# 1. At the start every class is about equally likely: the loss is about log C.
print(f"loss at the start: {loss_of(layers, points, labels).data:.4f}   log 2 = {math.log(2):.4f}")

# 2. Regularization adds to the loss: with it, the loss must be higher.
penalty = 0.5 * 0.1 * sum(w.data ** 2 for w in weights(layers))
print(f"with reg = 0.1:    {loss_of(layers, points, labels, reg=0.1).data:.4f}   penalty {penalty:.4f}")

# 3. Five points, no regularization: a working network learns them by heart.
tiny = network(random.Random(1))
final = train(tiny, points[:5], labels[:5], steps=100, rate=0.5)
print(f"5 points, 100 steps: loss {final:.4f}, accuracy {accuracy(tiny, points[:5], labels[:5])}/5")
