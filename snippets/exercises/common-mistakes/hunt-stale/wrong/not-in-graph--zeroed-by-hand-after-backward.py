# f = (x * y + 1)**2 with Values, explored one stage at a time.
# The gradients at the end are wrong: find out why, fix it, and press Check.
from backprop_core import Value

x, y = Value(3.0), Value(-2.0)

q = x * y + 1
q.backward()  # a first look: how does q depend on x and y?
print("dq/dx =", x.grad, "  dq/dy =", y.grad)

f = q**2
f.backward()  # now the whole circuit
x.grad = y.grad = 0.0  # forget the first look (too late: after backward)
dx, dy = x.grad, y.grad
print("df/dx =", dx, "  df/dy =", dy)
