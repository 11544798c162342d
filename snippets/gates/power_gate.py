# Powers x ** c with a constant c: the local gradient is c * x ** (c - 1).
from backprop_core import PowerGate, Value

for c in (2, 3, 0.5, -1):
    x = Value(4.0, label="x")
    y = x**c
    y.backward()
    print(f"x ** {c:<4} at x = 4: value {y.data:<8} gradient {x.grad}")

# The same rule as an explicit gate.
cube = PowerGate(3)
print("PowerGate(3): forward", cube.forward(-2.0), " local gradient", cube.local_grads())
