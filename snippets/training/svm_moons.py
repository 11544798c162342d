# The SVM on data a straight line cannot separate: two interleaving moons.
# Gradient descent on the mean hinge loss over all 100 points, plus a little
# regularization; the picture shows the line and the loss as it trains.
import time

from backprop_core import Value
from backprop_core.datasets import moons
from backprop_core.draw import training_plot

points, labels = moons(100, noise=0.1, seed=0)   # labels +1 and -1
a, b, c = Value(1.0), Value(-2.0), Value(-1.0)   # the guide's start
step_size = 0.1
steps = 200


def predict(x, y):                               # the score on plain numbers
    return a.data * x + b.data * y + c.data


losses = []
next_draw = 0.0
for step in range(steps + 1):
    hinge = Value.sum([(1 - label * (a * x + b * y + c)).relu()
                       for (x, y), label in zip(points, labels)])
    loss = hinge / len(points) + 0.01 * 0.5 * (a * a + b * b)
    losses.append(loss.data)
    if time.monotonic() > next_draw or step == steps:   # a few pictures a second
        display(training_plot(points, labels, predict, losses),
                display_id="moons")
        next_draw = time.monotonic() + 0.3
    if step == steps:
        break
    for p in (a, b, c):
        p.grad = 0.0
    loss.backward()
    for p in (a, b, c):
        p.data -= step_size * p.grad

right = sum((predict(x, y) > 0) == (label > 0)
            for (x, y), label in zip(points, labels))
print(f"a = {a.data:.3f}, b = {b.data:.3f}, c = {c.data:.3f}")
print(f"after {steps} steps: loss {losses[-1]:.4f}, accuracy {right}/{len(points)}")
