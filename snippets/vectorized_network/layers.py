# A 2-layer network in matrix form, on plain nested lists (this site does
# not load numpy). A matrix is a list of rows; a batch has one row per example.
import math
import random

from backprop_core.datasets import circles, moons


def matmul(A, B):                # (n x k) times (k x m) -> (n x m)
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]


def transpose(A):
    return [list(col) for col in zip(*A)]


def add_row(A, b):               # add the row b to every row of A: broadcasting
    return [[a + bj for a, bj in zip(row, b)] for row in A]


def column_sums(A):              # sum over the batch
    return [sum(col) for col in zip(*A)]


def shape(A):
    return f"{len(A)}x{len(A[0])}"


points, classes = moons(8, noise=0.1, seed=1, labels=(1, 0))   # a batch of 8
X = [list(p) for p in points]                                   # 8 x 2
N, D, H, C = len(X), 2, 5, 2     # batch, inputs, hidden neurons, classes
rng = random.Random(0)
W1 = [[rng.gauss(0, math.sqrt(2 / D)) for _ in range(H)] for _ in range(D)]
b1 = [0.0] * H
W2 = [[rng.gauss(0, math.sqrt(2 / H)) for _ in range(C)] for _ in range(H)]
b2 = [0.0] * C
print("X", shape(X), " W1", shape(W1), " W2", shape(W2),
      " b1 has", len(b1), " b2 has", len(b2))
