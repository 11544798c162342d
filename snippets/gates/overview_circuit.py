# Three gate patterns in one circuit: f = 2 * (x*y + max(z, w)).
from backprop_core import Value

x = Value(3.0, label="x")
y = Value(-4.0, label="y")
z = Value(2.0, label="z")
w = Value(-1.0, label="w")
q = x * y
q.label = "q"
m = z.max(w)
m.label = "m"
f = 2 * (q + m)
f.label = "f"

f.backward()
print(f"f = {f.data}")
print(f"add distributes:  df/dq = {q.grad}   df/dm = {m.grad}")
print(f"multiply swaps:   df/dx = {x.grad}   df/dy = {y.grad}")
print(f"max routes:       df/dz = {z.grad}   df/dw = {w.grad}")
f
