# The memory cost of caching: backward() needs every node of the forward pass.
# Checkpointing keeps only every 50th value and recomputes each stretch when
# the backward pass reaches it: less memory, one more forward pass.
from backprop_core import Value, topological_order

DEPTH, EVERY = 1000, 50


def layer(h):                           # a residual layer: h plus a small change
    return h + 0.05 * (h * 2.0).tanh()


# 1. The whole graph at once.
x = Value(0.5)
h = x
for _ in range(DEPTH):
    h = layer(h)
h.backward()
print(f"whole graph: {len(topological_order(h))} nodes kept, d out/d x = {x.grad:.6f}")

# 2. Checkpoints: forward on plain numbers, keeping every EVERY-th value.
checkpoints, v = [], 0.5
for k in range(DEPTH):
    if k % EVERY == 0:
        checkpoints.append(v)
    v = layer(Value(v)).data            # no graph is kept
upstream, biggest = 1.0, 0
for start in reversed(checkpoints):     # backward, one stretch at a time
    a = Value(start)
    out = a
    for _ in range(EVERY):
        out = layer(out)                # recompute this stretch, with a graph
    biggest = max(biggest, len(topological_order(out)))
    (out * upstream).backward()         # the upstream gradient enters here
    upstream = a.grad
print(f"checkpoints: {len(checkpoints)} numbers kept, at most {biggest} nodes at a time,"
      f" d out/d x = {upstream:.6f}")
print("the same gradient:", abs(upstream - x.grad) <= 1e-12 * abs(x.grad))
