# Forward mode carries a derivative along with every value (a "dual number"):
# one pass gives the derivative with respect to ONE input. Reverse mode
# (backward()) gives the derivatives with respect to ALL inputs in one pass.
import itertools
import random

from backprop_core import Value, topological_order


class Dual:
    gates = 0                           # gates evaluated, over all passes

    def __init__(self, value, tangent=0.0):
        self.value, self.tangent = value, tangent   # tangent: d(value)/d(chosen input)

    def __add__(self, other):
        other = other if isinstance(other, Dual) else Dual(other)
        Dual.gates += 1
        return Dual(self.value + other.value, self.tangent + other.tangent)

    def __mul__(self, other):
        other = other if isinstance(other, Dual) else Dual(other)
        Dual.gates += 1
        return Dual(self.value * other.value,
                    self.tangent * other.value + self.value * other.tangent)

    def relu(self):
        Dual.gates += 1
        return Dual(max(0.0, self.value), self.tangent if self.value > 0 else 0.0)

    __radd__, __rmul__ = __add__, __mul__


def network(p, x):                      # a 2-8-8-1 ReLU network, p: its 105 parameters
    sizes, k, h = [2, 8, 8, 1], 0, x
    for n_in, n_out in itertools.pairwise(sizes):
        out = []
        for _ in range(n_out):
            s = p[k + n_in]             # the bias, then w·h
            for i in range(n_in):
                s = s + p[k + i] * h[i]
            out.append(s if n_out == 1 else s.relu())
            k += n_in + 1
        h = out
    return h[0]


rng = random.Random(0)
params = [rng.uniform(-1, 1) for _ in range(105)]
x = [0.5, -0.25]

# Forward mode: one pass per parameter, seeded with tangent 1 on that parameter.
forward = []
for j in range(len(params)):
    p = [Dual(v, 1.0 if i == j else 0.0) for i, v in enumerate(params)]
    forward.append(network(p, x).tangent)
print(f"forward mode: {len(params)} passes, {Dual.gates} gates evaluated")

# Reverse mode: one forward pass with Values, one backward pass.
p = [Value(v) for v in params]
score = network(p, x)
score.backward()
gates = sum(1 for node in topological_order(score) if node.op is not None)
print(f"reverse mode: 1 pass forward and 1 backward over {gates} gates")
print("the same 105 derivatives:", max(abs(a - v.grad) for a, v in zip(forward, p)) < 1e-12)
