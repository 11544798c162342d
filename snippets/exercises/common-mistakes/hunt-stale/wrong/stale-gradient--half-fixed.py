# f = (x * y + 1)**2 with Values: only x.grad was reset before the second backward().
from backprop_core import Value

x, y = Value(3.0), Value(-2.0)

q = x * y + 1
q.backward()  # a first look: how does q depend on x and y?
print("dq/dx =", x.grad, "  dq/dy =", y.grad)

f = q**2
x.grad = 0.0  # reset, but only x
f.backward()  # now the whole circuit
dx, dy = x.grad, y.grad
print("df/dx =", dx, "  df/dy =", dy)
