# The analytic gradient, computed by backpropagation: Value applies
# the multiply gate's rule (d(xy)/dx = y, d(xy)/dy = x) for us.
from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(3.0, label="y")
f = x * y
f.label = "f"
f.backward()
print(f"f = {f.data}, df/dx = {x.grad}, df/dy = {y.grad}")
f
