# The chain rule on a graph: df/dx is the sum, over every path from x to f,
# of the product of the local gradients along the path. Each layer here,
# h = 0.5 * h + tanh(h), has two paths through it, so L layers have 2**L.
import itertools
import math

from backprop_core import Value

print("depth   paths  DP steps   df/dx: by paths, by DP, by backward()")
for depth in (1, 4, 8, 12, 16):
    hs = [0.3]                          # forward: the value at every layer
    for _ in range(depth):
        hs.append(0.5 * hs[-1] + math.tanh(hs[-1]))
    # the local gradients of the two edges through layer k
    edges = [(0.5, 1 - math.tanh(h) ** 2) for h in hs[:-1]]

    # 1. Every path: pick one edge per layer, multiply, add up.
    by_paths = sum(math.prod(path) for path in itertools.product(*edges))

    # 2. Dynamic programming: the gradient of each layer, from the one above.
    grad = 1.0
    for a, b in reversed(edges):
        grad = grad * (a + b)           # every path below shares this factor

    # 3. backward() does the same, one node at a time.
    x = Value(0.3)
    h = x
    for _ in range(depth):
        h = 0.5 * h + h.tanh()
    h.backward()

    print(f"{depth:5d} {2 ** depth:7d} {depth:9d}     {by_paths:.6f}  {grad:.6f}  {x.grad:.6f}")
