# f(x, y, z) = (x + y) * z, built from two gates: q = x + y, then f = q * z.
from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(5.0, label="y")
z = Value(-4.0, label="z")
q = x + y
q.label = "q"
f = q * z
f.label = "f"

f.backward()  # chain rule, gate by gate, from f back to x, y, z
print(f"forward:  q = {q.data}, f = {f.data}")
print(f"backward: df/dq = {q.grad}")
print(f"          df/dx = {x.grad}, df/dy = {y.grad}, df/dz = {z.grad}")
f
