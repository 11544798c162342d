# A first circuit: f = x * y + z. Change the numbers and press Run.
from backprop_core import Value

x = Value(2.0, label="x")
y = Value(-3.0, label="y")
z = Value(10.0, label="z")
f = x * y + z
f.label = "f"

f.backward()  # fills in .grad: how strongly f reacts to each input
print(f"f = {f.data}")
print(f"df/dx = {x.grad}   df/dy = {y.grad}   df/dz = {z.grad}")
f
