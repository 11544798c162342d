# The sigmoid gate with Value: one gate, sigma(x) = 1 / (1 + e^-x).
from backprop_core import Value

x = Value(1.0, label="x")
s = x.sigmoid()
s.label = "s"
s.backward()  # local gradient s * (1 - s), times the upstream gradient 1
print(f"sigma(1) = {s.data:.4f}")
print(f"ds/dx    = {x.grad:.4f}")
print(f"check: s * (1 - s) = {s.data * (1 - s.data):.4f}")
s
