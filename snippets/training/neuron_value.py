# The Hacker's guide neuron f = sigmoid(a*x + b*y + c) with Value.
from backprop_core import Value

a, b, c = Value(1.0, "a"), Value(2.0, "b"), Value(-3.0, "c")
x, y = Value(-1.0, "x"), Value(3.0, "y")

f = (a * x + b * y + c).sigmoid()
f.label = "f"
f.backward()

print(f"f = {f.data:.4f}")
for v in (a, b, c, x, y):
    print(f"df/d{v.label} = {v.grad:7.4f}")
f
