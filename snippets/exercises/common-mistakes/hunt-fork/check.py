"""Checks the bug hunt "f = (a * b + c) * a" (page common-mistakes)."""
from backprop_core.practice import Exercise


def circuit(a, b, c):
    p = a * b
    q = p + c
    f = q * a
    return {"p": p, "q": q, "f": f}


check = Exercise(
    circuit,
    inputs={"a": 2, "b": -3, "c": 4},
    gradients={"dq": "q", "dp": "p", "dc": "c", "da": "a", "db": "b"},
    forward=["p", "q", "f"],
).check
