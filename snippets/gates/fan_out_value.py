# A value used twice: f = a * a.
# Each use sends a gradient back, and the two add up.
from backprop_core import Value

a = Value(3.0, label="a")
f = a * a
f.label = "f"

f.backward()
print(f"f = {f.data}")
print(f"df/da = {a.grad}   (3 from each use: 3 + 3)")
f
