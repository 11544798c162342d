# Train the network on the moons with the page's own engine: the hinge loss
# on a mini-batch of 20 points, backward(), a step against the gradient.
import random
import time

import backprop_core
from backprop_core.datasets import moons
from backprop_core.draw import training_plot

points, labels = moons(100, noise=0.1, seed=0)   # labels +1 and -1
sizes = [8, 8, 1]                                # neurons per layer
model = MLP(2, sizes, random.Random(0))
steps, batch, rate = 100, 20, 0.5
rng = random.Random(1)


def loss_of(model, points, labels):
    total = 0.0
    for (x, y), label in zip(points, labels):
        total = total + (model([x, y]) * -label + 1).relu()   # the hinge loss of this point
    reg = sum((p * p for p in model.parameters()), 0.0)
    return total * (1 / len(points)) + 1e-4 * reg


def train_step(model, points, labels, rate):
    loss = loss_of(model, points, labels)
    for p in model.parameters():
        p.grad = 0.0                    # forget the last step's gradients
    loss.backward()
    for p in model.parameters():
        p.data -= rate * p.grad         # downhill
    return loss


def predict(x, y):                      # the same network on plain numbers, for the picture
    h = [x, y]
    for layer in model.layers:
        h = [sum(w.data * v for w, v in zip(n.w, h)) + n.b.data for n in layer.neurons]
        if layer.relu:
            h = [max(0.0, v) for v in h]
    return h[0]


def twin(model, V):                     # the same network with another engine's Values
    other = MLP(2, sizes, random.Random(0))
    for mine, theirs in zip(model.layers, other.layers):
        for n, m in zip(mine.neurons, theirs.neurons):
            m.w, m.b = [V(w.data) for w in n.w], V(n.b.data)
    return other


# Step 0, checked: the same loss built with backprop_core gives the same gradients.
core = twin(model, backprop_core.Value)
loss_of(core, points[:batch], labels[:batch]).backward()
loss_of(model, points[:batch], labels[:batch]).backward()
gap = max(abs(p.grad - q.grad) for p, q in zip(model.parameters(), core.parameters()))
print(f"step 0: {len(core.parameters())} gradients, as backprop_core's to 1e-12:", gap < 1e-12)

losses, next_draw = [], 0.0
for step in range(steps + 1):
    chosen = rng.sample(range(len(points)), batch)
    loss = train_step(model, [points[i] for i in chosen], [labels[i] for i in chosen],
                      rate if step < steps else 0.0)   # the last pass only measures
    losses.append(loss.data)
    if time.monotonic() > next_draw or step == steps:  # a few pictures a second
        display(training_plot(points, labels, predict, losses, grid=24), display_id="model")
        next_draw = time.monotonic() + 0.3

right = sum((predict(x, y) > 0) == (label > 0) for (x, y), label in zip(points, labels))
print(f"after {steps} steps: accuracy {right}/{len(points)}")
