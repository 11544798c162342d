# The add gate with Value: build f = x + y,
# then let backward() find the gradients.
from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(5.0, label="y")
f = x + y
f.label = "f"

f.backward()  # starts from df/df = 1
print(f"f = {f.data}")
print(f"df/dx = {x.grad}   df/dy = {y.grad}   (both 1: the add gate copies)")
f
