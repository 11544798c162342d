# Break the symmetry: write init_weights so that the hidden neurons start
# different, with weights scaled to the fan-in n_in (LeCun, as above).
# The checker builds layers of several sizes and trains each for a few steps.
import math
import random

from backprop_core import Value
from backprop_core.datasets import moons


def init_weights(n_in, n_out, rng):
    """n_out rows (one per neuron) of n_in weights each; rng is a random.Random."""
    s = math.sqrt(3 / n_out)            # uniform on (-s, s)
    return [[rng.uniform(-s, s) for _ in range(n_in)] for _ in range(n_out)]


# A 2-4-1 tanh network on the moons, 20 steps from your weights.
points, labels = moons(20, noise=0.1, seed=0)
W1 = [[Value(w) for w in row] for row in init_weights(2, 4, random.Random(0))]
w2 = [Value(0.5) for _ in range(4)]
for step in range(20):
    losses = []
    for (x, y), label in zip(points, labels):
        h = [Value.dot(row, [x, y]).tanh() for row in W1]
        losses.append((Value.dot(w2, h) - label) ** 2)
    loss = Value.sum(losses) / len(points)
    for p in [v for row in W1 for v in row] + w2:
        p.grad = 0.0
    loss.backward()
    for p in [v for row in W1 for v in row] + w2:
        p.data -= 0.1 * p.grad
print(f"loss after 20 steps: {loss.data:.4f}")
print("first-layer weights (w_x, w_y) of the 4 neurons:")
for row in W1:
    print(f"   {row[0].data:7.4f} {row[1].data:7.4f}")
