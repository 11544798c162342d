# Neurons, layers and a network on the page's own Value, as in micrograd.
# Each part can list its parameters: the Values a training step changes.
import random


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


model = MLP(2, [8, 8, 1], random.Random(0))
print("parameters:", len(model.parameters()))
score = model([0.5, -0.25])
print(f"score at (0.5, -0.25): {score.data:.4f}, built from {len(topological_order(score))} nodes")
