# A 2-layer neural network on the SVM's data:
# 2 inputs -> 3 ReLU neurons -> 1 score, trained with the hinge loss.
import random

from backprop_core import Value

data = [[1.2, 0.7], [-0.3, -0.5], [3.0, 0.1],
        [-0.1, -1.0], [-1.0, 1.1], [2.1, -3.0]]
labels = [1, -1, 1, -1, -1, 1]
rng = random.Random(0)


def param():
    return Value(rng.random() - 0.5)   # random, between -0.5 and 0.5


# hidden neuron k: relu(a_k*x + b_k*y + c_k); the output mixes them
a1, b1, c1 = param(), param(), param()
a2, b2, c2 = param(), param(), param()
a3, b3, c3 = param(), param(), param()
a4, b4, c4, d4 = param(), param(), param(), param()
params = [a1, b1, c1, a2, b2, c2, a3, b3, c3, a4, b4, c4, d4]
weights = [a1, b1, a2, b2, a3, b3, a4, b4, c4]   # not the biases

step_size = 0.01
reg = 0.001


def score(x, y):
    n1 = (a1 * x + b1 * y + c1).relu()
    n2 = (a2 * x + b2 * y + c2).relu()
    n3 = (a3 * x + b3 * y + c3).relu()
    return a4 * n1 + b4 * n2 + c4 * n3 + d4


def loss_on(points):
    hinge = sum((1 - labels[i] * score(*data[i])).relu()
                for i in points)
    return hinge / len(points) + reg * 0.5 * sum(w * w for w in weights)


def accuracy():
    return sum((1 if score(x, y).data > 0 else -1) == label
               for (x, y), label in zip(data, labels))


curve = []
print(" iter   loss  accuracy")
for it in range(401):
    if it % 40 == 0:
        full = loss_on(range(len(data))).data   # loss over all 6 points
        curve.append(full)
        print(f"{it:5d} {full:6.3f}     {accuracy()}/6")
    if it == 400:
        break
    i = rng.randrange(len(data))                 # one random data point
    loss = loss_on([i])
    for p in params:
        p.grad = 0.0
    loss.backward()
    for p in params:
        p.data -= step_size * p.grad             # descent on the loss

bars = "▁▂▃▄▅▆▇█"
top = max(curve)
print("loss curve:", "".join(bars[min(7, int(v / top * 8))]
                             for v in curve))
margins = [label * score(x, y).data
           for (x, y), label in zip(data, labels)]
print(f"smallest margin (label * score): {min(margins):.3f}")
