# Two lines to read with care when you come from the Hacker's guide.
import math

from backprop_core import Value, grad_check


def neuron(a, b, c, x, y):
    return (a * x + b * y + c).sigmoid()


# 1. The sigmoid's local gradient is written with its output f, not with q.
a, b, c, x, y = 1.0, 2.0, -3.0, -1.0, 3.0  # the guide's neuron
q = a * x + b * y + c
f = 1 / (1 + math.exp(-q))
df = 1.0
for name, dq in [("f * (1 - f)", (f * (1 - f)) * df), ("q * (1 - q)", (q * (1 - q)) * df)]:
    grads = [x * dq, y * dq, 1.0 * dq, a * dq, b * dq]
    verdict = "ok" if grad_check(neuron, [a, b, c, x, y], analytic=grads) else "WRONG"
    print(f"dq = {name}: dq = {dq:.4f}, grad_check {verdict}")

# 2. max on a tie: the guide's test (is a the output?) is true for both inputs.
a = b = 2.0
dx = 1.0
x = max(a, b)
da = 1.0 * dx if a == x else 0.0
db = 1.0 * dx if b == x else 0.0
print(f"the guide at a tie:     da = {da}, db = {db}, sum {da + db}")
va, vb = Value(a), Value(b)
m = va.max(vb)
m.backward()
print(f"backprop_core at a tie: da = {va.grad}, db = {vb.grad}, sum {va.grad + vb.grad}")
