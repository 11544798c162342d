# The max gate with Value: f = max(x, y) is written x.max(y).
from backprop_core import Value

x = Value(2.0, label="x")
y = Value(-1.0, label="y")
f = x.max(y)
f.label = "f"

f.backward()
print(f"f = {f.data}")
print(f"df/dx = {x.grad}   (x is larger: it gets the gradient)")
print(f"df/dy = {y.grad}   (y lost: nothing flows back to it)")
f
