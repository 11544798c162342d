from backprop_core import Value

x = Value(-2.0, label="x")
y = Value(5.0, label="y")
q = x + y
q.backward()
print(f"q = {q.data}")
print(f"dq/dx = {x.grad}, dq/dy = {y.grad}")
