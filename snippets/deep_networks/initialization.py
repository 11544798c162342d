# A stack of 20 layers of 16 neurons, one input: how big is the gradient of
# the output at each layer's weights? Weights drawn uniformly from
# (-s, s): s = 1, or s scaled to the layer's fan-in (LeCun, He).
import math
import random

from backprop_core import Value
from backprop_core.text import display_width, ljust  # a CJK character takes 2 columns

WIDTH, DEPTH = 16, 20


def layer_gradients(act, scale):
    rng = random.Random(0)
    h = [rng.uniform(-1, 1) for _ in range(WIDTH)]
    layers = []
    for _ in range(DEPTH):
        W = [[Value(rng.uniform(-scale, scale)) for _ in range(WIDTH)]
             for _ in range(WIDTH)]
        h = [act(Value.dot(w, h)) for w in W]
        layers.append(W)
    out = Value.sum(h)
    out.backward()
    return [sum(abs(v.grad) for w in W for v in w) / WIDTH**2 for W in layers]


lecun = math.sqrt(3 / WIDTH)        # variance 1/fan_in
he = math.sqrt(6 / WIDTH)           # variance 2/fan_in, for ReLU
runs = {
    "sigmoid s=1": layer_gradients(Value.sigmoid, 1.0),
    "tanh s=1": layer_gradients(Value.tanh, 1.0),
    "tanh LeCun": layer_gradients(Value.tanh, lecun),
    "ReLU s=1": layer_gradients(Value.relu, 1.0),
    "ReLU He": layer_gradients(Value.relu, he),
}
head = "mean |dout/dw|, layer:"
width = max(display_width(text) for text in (head, *runs))  # the first column's width
print(ljust(head, width) + "".join(f"{k:10d}" for k in (1, 5, 10, 20)))
for name, g in runs.items():
    print(ljust(name, width) + "".join(f"{g[k - 1]:10.1e}" for k in (1, 5, 10, 20)))
