# Bug: "=" instead of "+=" where a value forks.
# f = (x + y) * x: x is used twice, so its gradient has two parts.
from backprop_core import Value, grad_check

x, y = 3.0, -4.0
q = x + y            # forward
f = q * x

df = 1.0             # backward
dq = x * df          # multiply gate: swap
dx = q * df
dx = 1.0 * dq        # BUG: overwrites the first part (use +=)
dy = 1.0 * dq

inputs = [Value(3.0, label="x"), Value(-4.0, label="y")]
check = grad_check(lambda x, y: (x + y) * x, inputs, analytic=[dx, dy])
print(check)

dx = q * df          # the fix: accumulate
dx += 1.0 * dq
fixed = grad_check(lambda x, y: (x + y) * x, inputs, analytic=[dx, dy])
print("with +=:", "passed" if fixed else "FAILED")
