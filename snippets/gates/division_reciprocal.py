# 1/x as one gate: the local gradient is -1/x^2.
from backprop_core import PowerGate, Value

x = Value(2.0, label="x")
r = 1 / x
r.label = "r"
r.backward()
print(f"1/x at x = 2: {r.data}, d(1/x)/dx = {x.grad}   (-1/x^2 = {-1 / 2.0**2})")

# By hand: PowerGate(-1) is x ** -1, the same function.
gate = PowerGate(-1)
print("PowerGate(-1): forward", gate.forward(2.0), " backward", gate.backward(1.0))
r
