# In a real network each layer multiplies the gradient by a matrix, not a
# number: g <- W^T (g * f'(z)). A gradient vector sent back through 50
# random layers of 32 neurons, weights drawn with standard deviation c/sqrt(n).
import math
import random

from backprop_core.text import ljust  # pad by display width: a CJK character takes 2 columns

WIDTH, DEPTH = 32, 50


def gradient_norms(c, relu, seed=0):
    rng = random.Random(seed)
    h = [rng.gauss(0, 1) for _ in range(WIDTH)]
    layers = []                         # forward: each layer's weights and ReLU mask
    for _ in range(DEPTH):
        W = [[rng.gauss(0, c / math.sqrt(WIDTH)) for _ in range(WIDTH)] for _ in range(WIDTH)]
        z = [sum(w * v for w, v in zip(row, h)) for row in W]
        mask = [1.0 if v > 0 or not relu else 0.0 for v in z]
        h = [v * m for v, m in zip(z, mask)]
        layers.append((W, mask))
    g = [rng.gauss(0, 1) for _ in range(WIDTH)]    # the gradient arriving at the top
    start, norms = math.sqrt(sum(v * v for v in g)), []
    for W, mask in reversed(layers):    # backward: W^T (g * mask), layer by layer
        g = [v * m for v, m in zip(g, mask)]
        g = [sum(W[i][j] * g[i] for i in range(WIDTH)) for j in range(WIDTH)]
        norms.append(math.sqrt(sum(v * v for v in g)) / start)
    return norms


print("|gradient| after k layers:   k = 10       20       30       40       50")
for name, c, relu in [("linear, c = 0.8", 0.8, False), ("linear, c = 1", 1.0, False),
                      ("linear, c = 1.2", 1.2, False), ("ReLU, c = 1", 1.0, True),
                      ("ReLU, c = sqrt(2) (He)", math.sqrt(2), True)]:
    norms = gradient_norms(c, relu)
    print(ljust(name, 24) + "".join(f"{norms[k - 1]:9.1e}" for k in (10, 20, 30, 40, 50)))

ends = sorted(gradient_norms(math.sqrt(2), True, seed)[-1] for seed in range(1, 11))
print(f"ReLU He, 10 other draws, after 50 layers: from {ends[0]:.1e} to {ends[-1]:.1e}")
