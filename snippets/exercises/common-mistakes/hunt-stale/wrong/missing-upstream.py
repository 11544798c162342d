# f = (x * y + 1)**2 with Values: the gradients read after q.backward(), not f's.
from backprop_core import Value

x, y = Value(3.0), Value(-2.0)

q = x * y + 1
q.backward()
dx, dy = x.grad, y.grad  # these are dq/dx and dq/dy

f = q**2
print("df/dx =", dx, "  df/dy =", dy)
