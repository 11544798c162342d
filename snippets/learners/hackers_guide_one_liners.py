# The backprop one-liners of Karpathy's Hacker's guide ("Becoming a
# Backprop Ninja") in Python, the guide's JavaScript in the comments.
# grad_check compares every gradient with the numerical one.
import math

from backprop_core import grad_check

a, b, c, d = 3.0, -2.0, 0.5, 1.5
guide = [1.0, 2.0, -3.0, -1.0, 3.0]  # the guide's neuron: a, b, c, x, y
dx = 1.0  # the gradient arriving at the output


def neuron(a, b, c, x, y, df):
    q = a * x + b * y + c  # var q = a*x + b*y + c;
    f = 1 / (1 + math.exp(-q))  # var f = sig(q);
    dq = (f * (1 - f)) * df  # var dq = (f * (1 - f)) * df;
    return [x * dq, y * dq, 1.0 * dq, a * dq, b * dq]  # da, db, dc, dx, dy


def square_of_affine(a, b, c, d, dx):  # var x = Math.pow(((a * b + c) * d), 2);
    x1 = a * b + c
    x2 = x1 * d  # x = x2 * x2
    dx2 = 2 * x2 * dx  # backprop into x2
    dd = x1 * dx2  # backprop into d
    dx1 = d * dx2  # backprop into x1
    return [b * dx1, a * dx1, dx1, dd]  # da, db, dc, dd


def fraction(a, b, c, d, dx):  # var x = (a + b) / (c + d);
    x1 = a + b
    x2 = c + d
    x3 = 1.0 / x2  # x = x1 * x3
    dx1 = x3 * dx
    dx3 = x1 * dx
    dx2 = (-1.0 / (x2 * x2)) * dx3
    return [1.0 * dx1, 1.0 * dx1, 1.0 * dx2, 1.0 * dx2]  # da, db, dc, dd


checks = [
    # var x = a * b;  var da = b * dx;  var db = a * dx;
    ("a * b", lambda a, b: a * b, [a, b], [b * dx, a * dx]),
    # var x = a + b;  var da = 1.0 * dx;  var db = 1.0 * dx;
    ("a + b", lambda a, b: a + b, [a, b], [1.0 * dx, 1.0 * dx]),
    # var x = a + b + c;  da, db and dc are all 1.0 * dx
    ("a + b + c", lambda a, b, c: a + b + c, [a, b, c], [1.0 * dx] * 3),
    # var x = a * b + c;  da = b * dx;  db = a * dx;  dc = 1.0 * dx;
    ("a * b + c", lambda a, b, c: a * b + c, [a, b, c], [b * dx, a * dx, 1.0 * dx]),
    # the neuron, above, at the guide's point
    (
        "sig(a*x + b*y + c)",
        lambda a, b, c, x, y: (a * x + b * y + c).sigmoid(),
        guide,
        neuron(*guide, dx),
    ),
    # var x = a * a;  var da = 2 * a * dx;
    ("a * a", lambda a: a * a, [a], [2 * a * dx]),
    # var x = a*a + b*b + c*c;  var da = 2*a*dx;  var db = 2*b*dx;  var dc = 2*c*dx;
    (
        "a*a + b*b + c*c",
        lambda a, b, c: a * a + b * b + c * c,
        [a, b, c],
        [2 * a * dx, 2 * b * dx, 2 * c * dx],
    ),
    # in steps, above
    (
        "((a*b + c) * d) ** 2",
        lambda a, b, c, d: ((a * b + c) * d) ** 2,
        [a, b, c, d],
        square_of_affine(a, b, c, d, dx),
    ),
    # var x = 1.0 / a;  var da = -1.0 / (a * a);  (times dx)
    ("1 / a", lambda a: 1 / a, [a], [-1.0 / (a * a) * dx]),
    # in steps, above
    ("(a + b) / (c + d)", lambda a, b, c, d: (a + b) / (c + d), [a, b, c, d], fraction(a, b, c, d, dx)),
    # var x = Math.max(a, b);  var da = a === x ? 1.0 * dx : 0.0;  (db likewise)
    (
        "max(a, b)",
        lambda a, b: a.max(b),
        [a, b],
        [1.0 * dx if a == max(a, b) else 0.0, 1.0 * dx if b == max(a, b) else 0.0],
    ),
    # var x = Math.max(a, 0);  var da = a > 0 ? 1.0 * dx : 0.0;
    ("max(a, 0)", lambda a: a.max(0), [a], [1.0 * dx if a > 0 else 0.0]),
]
for name, f, point, grads in checks:
    verdict = "ok" if grad_check(f, point, analytic=grads) else "WRONG"
    print(f"{name:<21} {verdict:<5} {[round(g, 4) for g in grads]}")
