# The same training loop, with Value and backward() instead of pulls:
# a step of gradient DEScent on the loss is a step along the pulls.
import random

from backprop_core import Value

data = [[1.2, 0.7], [-0.3, -0.5], [3.0, 0.1],
        [-0.1, -1.0], [-1.0, 1.1], [2.1, -3.0]]
labels = [1, -1, 1, -1, -1, 1]
a, b, c = Value(1.0), Value(-2.0), Value(-1.0)
step_size = 0.01
rng = random.Random(0)             # same seed, same order of points

for it in range(400):
    i = rng.randrange(len(data))
    (x, y), label = data[i], labels[i]
    score = a * x + b * y + c
    loss = (1 - label * score).relu() + 0.5 * (a * a + b * b)
    for p in (a, b, c):
        p.grad = 0.0               # fresh gradients for this data point
    loss.backward()
    for p in (a, b, c):
        p.data -= step_size * p.grad

correct = sum((a.data * x + b.data * y + c.data > 0) == (label == 1)
              for (x, y), label in zip(data, labels))
print(f"a = {a.data:.4f}, b = {b.data:.4f}, c = {c.data:.4f}")
print(f"accuracy {correct}/{len(data)}")
