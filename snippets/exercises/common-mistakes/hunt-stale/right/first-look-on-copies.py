from backprop_core import Value

x, y = Value(3.0), Value(-2.0)
x0, y0 = Value(x.data), Value(y.data)
(x0 * y0 + 1).backward()
print("dq/dx =", x0.grad)
q = x * y + 1
f = q**2
f.backward()
dx, dy = x.grad, y.grad
