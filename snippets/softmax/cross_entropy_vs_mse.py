# With cross-entropy, dL/dz = p - y: the sigmoid's slope p(1 - p) cancels.
# Compare with the squared error, whose gradient keeps that small factor.
from backprop_core import Value

y = 1.0  # the true label
print("    z       p   CE dL/dz   p - y   MSE dL/dz")
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
    print(f"{z0:>5} {p.data:>7.4f} {ce_grad:>10.4f} {p.data - y:>7.4f} {z.grad:>11.4f}")
