# The binary cross-entropy from z: softplus(z) - y*z. The same loss, but no
# probability is ever rounded to 0 or 1, so it works for any z, and its
# gradient is sigmoid(z) - y.
from backprop_core import Value

print("     z    y      loss     dL/dz")
for z0 in (-1000.0, -40.0, -4.0, 0.0, 4.0, 40.0, 1000.0):
    for y in (0.0, 1.0):
        z = Value(z0)
        loss = z.softplus() - y * z
        loss.backward()
        print(f"{z0:>6.0f} {y:4.0f} {loss.data:9.4f} {z.grad:9.4f}")
