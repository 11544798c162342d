# A hand-written backward pass for f(x, y) = x*y + x: x is used twice.
# The bug: `=` instead of `+=` for the second path into x.
from backprop_core import Value, grad_check


def f(x, y):
    return x * y + x  # q = x * y, then f = q + x


def backward_buggy(x, y):
    dq = 1.0  # add gate: copies df/df = 1 to q ...
    dx = 1.0  # ... and to x (first path into x)
    dx = y * dq  # BUG: the multiply gate overwrites the first path
    dy = x * dq
    return [dx, dy]


def backward_fixed(x, y):
    dx, dy = 0.0, 0.0  # start from zero, then add every path
    dq = 1.0
    dx += 1.0  # path 1: through the add gate
    dx += y * dq  # path 2: through the multiply gate
    dy += x * dq
    return [dx, dy]


point = [Value(3.0, label="x"), Value(-4.0, label="y")]
print(grad_check(f, point, analytic=backward_buggy(3.0, -4.0)))
print()
print(grad_check(f, point, analytic=backward_fixed(3.0, -4.0)))
