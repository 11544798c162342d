# A hand-written backward pass for f(x, y) = x*y + x, where x is used twice.
# The bug: `=` instead of `+=` for the second path into x.
from backprop_core import Value, grad_check


def f(x, y):
    return x * y + x


def backward_buggy(x, y):
    q = x * y           # forward: q, then f = q + x
    df = 1.0
    dq = df             # add gate: copies df to q ...
    dx = df             # ... and to x (first path into x)
    dx = y * dq         # BUG: overwrites the first path
    dy = x * dq
    return [dx, dy]


def backward_fixed(x, y):
    q = x * y
    df = 1.0
    dx, dy = 0.0, 0.0   # start from zero, then add every path
    dq = df
    dx += df            # path 1: through the add gate
    dx += y * dq        # path 2: through the multiply gate
    dy += x * dq
    return [dx, dy]


point = [Value(3.0, label="x"), Value(-4.0, label="y")]
print(grad_check(f, point, analytic=backward_buggy(3.0, -4.0)))
print()
print(grad_check(f, point, analytic=backward_fixed(3.0, -4.0)))
