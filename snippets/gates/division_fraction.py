# (a + b) / (c + d): two add gates feed one divide gate.
from backprop_core import Value

a, b = Value(2.0, label="a"), Value(4.0, label="b")
c, d = Value(1.0, label="c"), Value(3.0, label="d")
num = a + b
num.label = "num"
den = c + d
den.label = "den"
f = num / den
f.label = "f"
f.backward()
print(f"num = {num.data}, den = {den.data}, f = {f.data}")
print(f"df/da = {a.grad}, df/db = {b.grad}   (1/den)")
print(f"df/dc = {c.grad}, df/dd = {d.grad}   (-num/den^2)")
f
