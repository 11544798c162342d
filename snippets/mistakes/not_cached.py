# Bug: a forward value the backward pass needs was not kept.
# f = (x * y) ** 2; the forward pass reuses the name x and so
# loses the input.
from backprop_core import Value, grad_check

x, y = 3.0, -2.0
x = x * y            # BUG: overwrites x (keep it: q = x * y)
f = x * x            # forward: f = 36

dq = 2 * x           # backward: df/dq = -12
dx = y * dq
dy = x * dq          # uses x = -6, not the input x = 3

inputs = [Value(3.0, label="x"), Value(-2.0, label="y")]
print(grad_check(lambda x, y: (x * y) ** 2, inputs, analytic=[dx, dy]))

x, y = 3.0, -2.0     # the fix: a new name for the new value
q = x * y
dq = 2 * q
dx, dy = y * dq, x * dq
fixed = grad_check(lambda x, y: (x * y) ** 2, inputs, analytic=[dx, dy])
print("with q kept:", "passed" if fixed else "FAILED")
