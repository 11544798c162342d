"""Checks the bug hunt "gradients explored step by step" (page common-mistakes)."""
from backprop_core.practice import Exercise


def circuit(x, y):
    q = x * y + 1
    f = q**2
    return {"q": q, "f": f}


check = Exercise(
    circuit,
    inputs={"x": 3, "y": -2},
    gradients={"dx": "x", "dy": "y"},
    forward=["q", "f"],
).check
