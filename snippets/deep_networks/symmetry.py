# Symmetry: start every weight of a layer at the same value and the neurons
# stay identical forever, whatever the data. A 2-4-1 network on the moons.
import random

from backprop_core import Value
from backprop_core.datasets import moons

points, labels = moons(40, noise=0.1, seed=0)


def train(start):                       # start(k) gives the k-th weight
    W1 = [[Value(start(4 * j + i)) for i in range(2)] for j in range(4)]
    b1 = [Value(0.0) for _ in range(4)]
    w2 = [Value(start(8 + j)) for j in range(4)]
    params = [v for row in W1 for v in row] + b1 + w2
    for _ in range(30):
        losses = []
        for (x, y), label in zip(points, labels):
            h = [(Value.dot(w, [x, y]) + b).relu() for w, b in zip(W1, b1)]
            losses.append((1 - label * Value.dot(w2, h)).relu())
        loss = Value.sum(losses) / len(points)
        for p in params:
            p.grad = 0.0
        loss.backward()
        for p in params:
            p.data -= 0.5 * p.grad
    return W1


rng = random.Random(0)
for name, start in [("all 0.5", lambda k: 0.5),
                    ("random", lambda k: rng.uniform(-1, 1))]:
    print(f"{name}: first-layer weights (w_x, w_y) of the 4 neurons after training")
    for row in train(start):
        print(f"   {row[0].data:7.4f} {row[1].data:7.4f}")
