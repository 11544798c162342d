# The same function with Value: backward() finds the same gradients.
from backprop_core import Value, grad_check


def f_of(x, y):
    return (x + y.sigmoid()) / (x.sigmoid() + (x + y) ** 2)


x = Value(3.0, label="x")
y = Value(-4.0, label="y")
f = f_of(x, y)
f.label = "f"
f.backward()

print(f"f     = {f.data:.4f}")
print(f"df/dx = {x.grad:.4f}")
print(f"df/dy = {y.grad:.4f}")

# The referee: nudge x and y, compare with backward()
print(grad_check(f_of, [x, y]))
f
