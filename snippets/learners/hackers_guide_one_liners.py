# The backprop one-liners of Karpathy's Hacker's guide in Python. Each row:
# the expression, the function, the point, and the gradients written the
# guide's way, one per input. grad_check compares them with numerical ones.
import math

from backprop_core import grad_check
from backprop_core.text import ljust  # pad by display width: a CJK character takes 2 columns

a, b, c, d = 3.0, -2.0, 0.5, 1.5
guide = [1.0, 2.0, -3.0, -1.0, 3.0]  # the guide's neuron: a, b, c, x, y
dx = 1.0  # the gradient arriving at the output


def neuron(a, b, c, x, y, df):
    q = a * x + b * y + c
    f = 1 / (1 + math.exp(-q))
    dq = (f * (1 - f)) * df  # the local gradient uses the output f
    return [x * dq, y * dq, 1.0 * dq, a * dq, b * dq]  # da, db, dc, dx, dy


def square_of_affine(a, b, c, d, dx):  # x = ((a * b + c) * d) ** 2, in steps
    x1 = a * b + c
    x2 = x1 * d
    dx2 = 2 * x2 * dx
    dd = x1 * dx2
    dx1 = d * dx2
    return [b * dx1, a * dx1, dx1, dd]  # da, db, dc, dd


def fraction(a, b, c, d, dx):  # x = (a + b) / (c + d), in steps
    x1 = a + b
    x2 = c + d
    x3 = 1.0 / x2
    dx1 = x3 * dx
    dx3 = x1 * dx
    dx2 = (-1.0 / (x2 * x2)) * dx3
    return [1.0 * dx1, 1.0 * dx1, 1.0 * dx2, 1.0 * dx2]  # da, db, dc, dd


checks = [
    ("a * b", lambda a, b: a * b, [a, b], [b * dx, a * dx]),
    ("a + b", lambda a, b: a + b, [a, b], [1.0 * dx, 1.0 * dx]),
    ("a + b + c", lambda a, b, c: a + b + c, [a, b, c], [1.0 * dx, 1.0 * dx, 1.0 * dx]),
    ("a * b + c", lambda a, b, c: a * b + c, [a, b, c], [b * dx, a * dx, 1.0 * dx]),
    (
        "sigmoid(a*x + b*y + c)",
        lambda a, b, c, x, y: (a * x + b * y + c).sigmoid(),
        guide,
        neuron(*guide, dx),
    ),
    ("a * a", lambda a: a * a, [a], [2 * a * dx]),
    (
        "a*a + b*b + c*c",
        lambda a, b, c: a * a + b * b + c * c,
        [a, b, c],
        [2 * a * dx, 2 * b * dx, 2 * c * dx],
    ),
    (
        "((a*b + c) * d) ** 2",
        lambda a, b, c, d: ((a * b + c) * d) ** 2,
        [a, b, c, d],
        square_of_affine(a, b, c, d, dx),
    ),
    ("1 / a", lambda a: 1 / a, [a], [-1.0 / (a * a) * dx]),
    ("(a + b) / (c + d)", lambda a, b, c, d: (a + b) / (c + d), [a, b, c, d], fraction(a, b, c, d, dx)),
    (
        "max(a, b)",
        lambda a, b: a.max(b),
        [a, b],
        [1.0 * dx if a == max(a, b) else 0.0, 1.0 * dx if b == max(a, b) else 0.0],
    ),
    ("max(a, 0)", lambda a: a.max(0), [a], [1.0 * dx if a > 0 else 0.0]),
]
for name, f, point, grads in checks:
    verdict = "ok" if grad_check(f, point, analytic=grads) else "WRONG"
    print(f"{name:<22}", ljust(verdict, 5), [round(g, 4) for g in grads])
