# f = (x * y + 1)**2 with Values: backward() called twice (a cell run again).
from backprop_core import Value

x, y = Value(3.0), Value(-2.0)

q = x * y + 1
f = q**2
f.backward()
print("df/dx =", x.grad, "  df/dy =", y.grad)

f.backward()  # the same cell, run once more
dx, dy = x.grad, y.grad
print("df/dx =", dx, "  df/dy =", dy)
