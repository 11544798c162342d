# Value ** Value: the exponent is in the graph too, so it gets a gradient,
# d(x^y)/dy = x^y * ln(x), which needs a positive base.
from backprop_core import Value

x, y = Value(2.0, label="x"), Value(3.0, label="y")
p = x**y
p.backward()
print(f"2 ** 3 = {p.data}, dp/dx = {x.grad}, dp/dy = {y.grad:.4f}")

try:
    Value(-2.0) ** Value(2.0)
except ValueError as e:
    print("negative base ->", e)

# With a plain number as exponent, a negative base is fine.
x = Value(-2.0)
p = x**2
p.backward()
print(f"(-2) ** 2 = {p.data}, dp/dx = {x.grad}")
