# The same function with Value: backward() finds the same gradients.
from backprop_core import Value, grad_check

x = Value(3.0, label="x")
y = Value(-4.0, label="y")
f = (x + y.sigmoid()) / (x.sigmoid() + (x + y) ** 2)
f.label = "f"
f.backward()

print(f"f     = {f.data:.4f}")
print(f"df/dx = {x.grad:.4f}")
print(f"df/dy = {y.grad:.4f}")

# The referee: nudge x and y, compare with backward()
print(grad_check(lambda x, y: (x + y.sigmoid()) / (x.sigmoid() + (x + y) ** 2), [x, y]))
f
