# Bug: forgetting the upstream gradient.
# f = (x * y + 1) ** 2: the multiply gate must scale its local
# gradients by the upstream gradient df/dq.
from backprop_core import Value, grad_check


def circuit(x, y):
    return (x * y + 1) ** 2


x, y = 3.0, -2.0
q = x * y + 1        # forward: q = -5
f = q ** 2           # f = 25

dq = 2 * q           # backward: df/dq = -10
dx = y               # BUG: local gradient only; should be y * dq
dy = x               # BUG: should be x * dq

inputs = [Value(3.0, label="x"), Value(-2.0, label="y")]
print(grad_check(circuit, inputs, analytic=[dx, dy]))

dx, dy = y * dq, x * dq
fixed = grad_check(circuit, inputs, analytic=[dx, dy])
print("local × upstream:", "passed" if fixed else "FAILED")
