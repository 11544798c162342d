# Train a 2-8-8-1 network on the moons with the page's own engine. The checker
# builds MLP(2, [8, 8, 1], rng), gives it its own weights and mini-batches, and
# compares every gradient and every step with backprop_core's.
import math
import random

from backprop_core.datasets import moons


class Value:
    def __init__(self, data, inputs=(), local_grads=()):
        self.data = data
        self.grad = 0.0
        self.inputs = inputs            # the Values this one was computed from
        self.local_grads = local_grads  # d(self)/d(input), one per input

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def __pow__(self, c):               # c is a plain number
        return Value(self.data ** c, (self,), (c * self.data ** (c - 1),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t * t,))

    def relu(self):
        return Value(max(0.0, self.data), (self,), (1.0 if self.data > 0 else 0.0,))

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    __radd__ = __add__
    __rmul__ = __mul__

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"



def topological_order(root):
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, inputs_done = stack.pop()
        if inputs_done:
            order.append(node)          # every input is already in order
        elif node not in seen:
            seen.add(node)
            stack.append((node, True))  # come back after the inputs
            stack.extend((inp, False) for inp in node.inputs)
    return order


def backward(self):
    self.grad = 1.0
    for node in reversed(topological_order(self)):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * node.grad   # += : a value used twice adds up


def zero_grad(self):
    for node in topological_order(self):
        node.grad = 0.0


Value.backward, Value.zero_grad = backward, zero_grad


class Neuron:
    def __init__(self, n_in, rng):
        self.w = [Value(rng.uniform(-1, 1)) for _ in range(n_in)]
        self.b = Value(0.0)

    def __call__(self, x, relu=True):
        s = self.b
        for wi, xi in zip(self.w, x):
            s = s + wi * xi             # w·x + b, one multiply and one add per input
        return s.relu() if relu else s

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, n_in, n_out, rng, relu=True):
        self.neurons = [Neuron(n_in, rng) for _ in range(n_out)]
        self.relu = relu

    def __call__(self, x):
        return [n(x, self.relu) for n in self.neurons]

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, n_in, sizes, rng):
        dims = [n_in] + sizes
        last = len(sizes) - 1           # the output layer: no ReLU, a score of any sign
        self.layers = [Layer(dims[i], dims[i + 1], rng, relu=i < last)
                       for i in range(len(sizes))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x[0]                     # one output: the score

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


def loss_of(model, points, labels):     # given: mean hinge loss + L2 regularization
    total = 0.0
    for (x, y), label in zip(points, labels):
        total = total + (model([x, y]) * -label + 1).relu()
    reg = sum((p * p for p in model.parameters()), 0.0)
    return total * (1 / len(points)) + 1e-4 * reg


def train_step(model, points, labels, rate):
    loss = loss_of(model, points, labels)
    loss.backward()
    for p in model.parameters():
        p.data -= rate * p.grad         # downhill
        p.grad = 0.0                    # then forget this step's gradients (PyTorch's order)
    return loss


points, labels = moons(100, noise=0.1, seed=0)
model = MLP(2, [8, 8, 1], random.Random(0))
steps = 100                     # the check sets this to 0 and trains on its own
batch, rate = 20, 0.5
rng = random.Random(1)
for step in range(steps):
    chosen = rng.sample(range(len(points)), batch)
    train_step(model, [points[i] for i in chosen], [labels[i] for i in chosen], rate)
right = sum((model([x, y]).data > 0) == (label > 0) for (x, y), label in zip(points, labels))
print(f"after {steps} steps: accuracy {right}/{len(points)}")
