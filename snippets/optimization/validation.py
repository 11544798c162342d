# Training and validation data: 30 noisy moons to learn from, 200 other
# points to measure on. The last column is the size of a step relative to the
# size of the first layer's weights.
import math
import random

from backprop_core.datasets import moons

train_points, train_labels = moons(30, noise=0.3, seed=0)
val_points, val_labels = moons(200, noise=0.3, seed=1)
layers = network(random.Random(0))
rate = 0.5
first = [p for w, b in layers[0] for p in w]

print("step  train loss  accuracy   validation loss  accuracy   step/weights")
for step in range(201):
    loss = loss_of(layers, train_points, train_labels)
    for p in parameters(layers):
        p.grad = 0.0
    loss.backward()
    if step % 25 == 0:
        val = loss_of(layers, val_points, val_labels).data
        ratio = (rate * math.sqrt(sum(p.grad ** 2 for p in first))
                 / math.sqrt(sum(p.data ** 2 for p in first)))
        print(f"{step:4d} {loss.data:10.3f} {accuracy(layers, train_points, train_labels):7d}/30"
              f" {val:14.3f} {accuracy(layers, val_points, val_labels):8d}/200 {ratio:12.1e}")
    for p in parameters(layers):
        p.data -= rate * p.grad
