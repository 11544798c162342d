# A 2-layer network learns the moons, a boundary that bends. Gradient descent
# on the hinge loss over all 100 points; the picture is redrawn as it trains.
# Change hidden, step_size or the data (noise, or circles) and run it again.
import random
import time

from backprop_core import Value
from backprop_core.datasets import circles, moons
from backprop_core.draw import training_plot

points, labels = moons(100, noise=0.1, seed=0)   # labels +1 and -1
hidden = 8                       # neurons in each hidden layer
step_size = 1.0
steps = 100
rng = random.Random(0)


def layer(n_in, n_out):          # n_out neurons: n_in weights and a bias each
    return [([Value(rng.uniform(-1, 1)) for _ in range(n_in)], Value(0.0))
            for _ in range(n_out)]


layers = [layer(2, hidden), layer(hidden, hidden), layer(hidden, 1)]
params = [p for lay in layers for w, b in lay for p in (*w, b)]


def score(x, y):                 # forward pass with Values: one dot gate per neuron
    h = [x, y]
    for k, lay in enumerate(layers):
        h = [Value.dot(w, h) + b for w, b in lay]
        if k < len(layers) - 1:
            h = [v.relu() for v in h]
    return h[0]


def predict(x, y):               # the same on plain numbers: fast, for the picture
    h = [x, y]
    for k, lay in enumerate(layers):
        h = [sum(wi.data * hi for wi, hi in zip(w, h)) + b.data for w, b in lay]
        if k < len(layers) - 1:
            h = [max(0.0, v) for v in h]
    return h[0]


losses = []
next_draw = 0.0
for step in range(steps + 1):
    hinge = Value.sum([(1 - label * score(x, y)).relu()
                       for (x, y), label in zip(points, labels)])
    loss = hinge / len(points) + 1e-4 * Value.dot(params, params)
    losses.append(loss.data)
    if time.monotonic() > next_draw or step == steps:   # a few pictures a second
        display(training_plot(points, labels, predict, losses, grid=24),
                display_id="moons")
        next_draw = time.monotonic() + 0.3
    if step == steps:
        break
    for p in params:
        p.grad = 0.0
    loss.backward()
    rate = step_size * (1 - 0.9 * step / steps)      # smaller steps towards the end
    for p in params:
        p.data -= rate * p.grad

right = sum((predict(x, y) > 0) == (label > 0)
            for (x, y), label in zip(points, labels))
print(f"after {steps} steps: loss {losses[-1]:.4f}, accuracy {right}/{len(points)}")
