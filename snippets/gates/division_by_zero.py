# Dividing by zero has no gradient, so the gates refuse it with a clear message.
from backprop_core import DivideGate, Value

try:
    Value(1.0) / Value(0.0)
except ZeroDivisionError as e:
    print("Value / 0 ->", e)

try:
    Value(0.0) ** -1
except ZeroDivisionError as e:
    print("0 ** -1   ->", e)

try:
    DivideGate().forward(3.0, 0.0)
except ZeroDivisionError as e:
    print("DivideGate ->", e)

# Near zero the division works, but its gradient -1/x^2 explodes.
for x0 in (0.1, 0.01, 0.001):
    x = Value(x0)
    r = 1 / x
    r.backward()
    print(f"x = {x0:<6} 1/x = {r.data:<8.4g} d(1/x)/dx = {x.grad:.4g}")
