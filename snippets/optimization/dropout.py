# Dropout as a gate: in training, each value is kept with probability `keep`
# and then divided by `keep` (so its expected value does not change), or set
# to 0. The backward pass uses the same mask: dx = dout * mask / keep.
import random

from backprop_core import Value

rng = random.Random(0)
keep = 0.75
x = [0.5, -1.2, 2.0, 0.3, -0.7, 1.1]
mask = [1.0 if rng.random() < keep else 0.0 for _ in x]   # drawn once per forward pass
out = [xi * m / keep for xi, m in zip(x, mask)]
dout = [0.1, 0.2, -0.3, 0.4, -0.5, 0.6]                    # the gradient arriving at out
dx = [g * m / keep for g, m in zip(dout, mask)]           # by hand: the same mask

# The same with Values: multiplying by the constant m / keep is a multiply gate.
xs = [Value(v) for v in x]
L = Value.sum([g * xi * (m / keep) for g, xi, m in zip(dout, xs, mask)])
L.backward()
print("mask:    ", mask)
print("out:     ", [round(v, 4) + 0.0 for v in out])   # + 0.0: no "-0.0"
print("dx:      ", [round(v, 4) for v in dx])
print("backward:", [round(v.grad, 4) for v in xs])

# On average over many masks a dropped-out value is the value itself, so at
# test time the gate is left out: out = x.
mean = sum(x[0] * (rng.random() < keep) / keep for _ in range(10_000)) / 10_000
print(f"mean of 10000 dropped-out x[0]: {mean:.3f}  (x[0] = {x[0]})")
