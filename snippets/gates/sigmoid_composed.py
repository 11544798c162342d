# The same function from four small gates: negate, exp, add 1, divide.
# Backprop through all of them gives the same gradient as the one sigmoid gate.
from backprop_core import Value

x = Value(1.0, label="x")
s = 1 / (1 + (-x).exp())
s.label = "s"
s.backward()
print(f"s = {s.data:.4f}, ds/dx = {x.grad:.4f}")
s
