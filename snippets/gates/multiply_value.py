# The multiply gate with Value: build f = x * y,
# then let backward() find the gradients.
from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(3.0, label="y")
f = x * y
f.label = "f"

f.backward()  # starts from df/df = 1 and applies the chain rule at the gate
print(f"f = {f.data}")
print(f"df/dx = {x.grad}   (the other input, y)")
print(f"df/dy = {y.grad}   (the other input, x)")
f
