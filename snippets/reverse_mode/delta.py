# The backward pass of a layered network in one loop, for any depth:
#   delta[l] = dL/dz[l] = (W[l+1]^T delta[l+1]) * tanh'(z[l])
#   dW[l] = delta[l] h[l-1]^T,   db[l] = delta[l]
# checked entry by entry against the scalar engine.
import itertools
import math
import random

from backprop_core import Value

rng = random.Random(0)
sizes = [2, 3, 3, 1]                    # a 2-3-3-1 tanh network, linear output
W = [[[rng.uniform(-1, 1) for _ in range(n_in)] for _ in range(n_out)]
     for n_in, n_out in itertools.pairwise(sizes)]
b = [[rng.uniform(-1, 1) for _ in range(n_out)] for n_out in sizes[1:]]
x, target = [0.5, -1.5], 1.0

# Forward, keeping z (before tanh) and h (after) of every layer.
h, z = [x], []
for k in range(len(W)):
    z.append([sum(w * v for w, v in zip(row, h[-1])) + bias for row, bias in zip(W[k], b[k])])
    last = k == len(W) - 1
    h.append(z[-1] if last else [math.tanh(v) for v in z[-1]])
loss = 0.5 * (h[-1][0] - target) ** 2

# Backward: delta of the output layer, then the recursion downwards.
delta = [h[-1][0] - target]             # dL/dz of the linear output
dW, db = [None] * len(W), [None] * len(W)
for k in reversed(range(len(W))):
    dW[k] = [[d * v for v in h[k]] for d in delta]          # delta h^T
    db[k] = list(delta)
    if k > 0:
        back = [sum(W[k][i][j] * delta[i] for i in range(len(delta)))
                for j in range(len(h[k]))]                  # W^T delta
        delta = [g * (1 - math.tanh(v) ** 2) for g, v in zip(back, z[k - 1])]

# The same network with Values, one scalar gate at a time.
Wv = [[[Value(w) for w in row] for row in layer] for layer in W]
bv = [[Value(v) for v in layer] for layer in b]
hv = [Value(v) for v in x]
for k in range(len(W)):
    zv = [Value.dot(row, hv) + bias for row, bias in zip(Wv[k], bv[k])]
    hv = zv if k == len(W) - 1 else [v.tanh() for v in zv]
L = 0.5 * (hv[0] - target) ** 2
L.backward()

pairs = [(dW[k][i][j], Wv[k][i][j].grad) for k in range(len(W))
         for i in range(len(W[k])) for j in range(len(W[k][i]))]
pairs += [(db[k][i], bv[k][i].grad) for k in range(len(W)) for i in range(len(b[k]))]
print(f"loss {loss:.4f}; {len(pairs)} gradients from the recursion and from backward()")
print("all agree to 1e-12:", max(abs(p - q) for p, q in pairs) < 1e-12)
print(f"dW of the first layer: {[[round(v, 4) for v in row] for row in dW[0]]}")
