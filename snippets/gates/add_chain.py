# An add gate inside a circuit: f = (x + y) * z.
from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(5.0, label="y")
z = Value(-4.0, label="z")
q = x + y
q.label = "q"
f = q * z
f.label = "f"

f.backward()
print(f"q = {q.data}   f = {f.data}")
print(f"df/dq = {q.grad}   (the multiply gate sends z back to q)")
print(f"df/dx = {x.grad}   df/dy = {y.grad}   (the add gate copies df/dq)")
print(f"df/dz = {z.grad}")
f
