# With cross-entropy, dL/dz = p - y: the sigmoid's slope p(1 - p) cancels.
# Compare with the squared error, whose gradient keeps that small factor.
from backprop_core import Value
from backprop_core.text import display_width, rjust  # a CJK character takes 2 columns

y = 1.0  # the true label
heads = ["z", "p", "CE dL/dz", "p - y", "MSE dL/dz"]
widths = [max(7, display_width(h)) for h in heads]  # each column as wide as its heading
print(*[rjust(h, w) for h, w in zip(heads, widths)])
for z0 in (-4.0, 0.0, 4.0):
    z = Value(z0)
    p = z.sigmoid()
    ce = -(y * p.log() + (1 - y) * (1 - p).log())
    ce.backward()
    ce_grad = z.grad

    z = Value(z0)
    p = z.sigmoid()
    mse = 0.5 * (p - y) ** 2
    mse.backward()
    cells = [f"{z0}", f"{p.data:.4f}", f"{ce_grad:.4f}", f"{p.data - y:.4f}", f"{z.grad:.4f}"]
    print(*[rjust(c, w) for c, w in zip(cells, widths)])
