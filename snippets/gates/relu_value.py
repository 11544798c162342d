# ReLU = max(0, x): it passes the gradient where x > 0
# and blocks it elsewhere.
from backprop_core import Value

for v in [-2.0, -0.5, 0.0, 0.5, 2.0]:
    x = Value(v)
    r = x.relu()
    r.backward()
    print(f"x = {v:5}   relu(x) = {r.data:4}   d relu/dx = {x.grad}")

# The circuit at x = -2: the output is 0, and no gradient gets through.
x = Value(-2.0, label="x")
r = x.relu()
r.label = "r"
r.backward()
r
