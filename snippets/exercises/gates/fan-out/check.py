"""Checks the backward pass of f = x * y + x (page gates/fan-out)."""
from backprop_core.practice import Exercise


def circuit(x, y):
    q = x * y
    f = q + x
    return {"q": q, "f": f}


check = Exercise(
    circuit,
    inputs={"x": 3, "y": -4},
    gradients={"dq": "q", "dx": "x", "dy": "y"},
    forward=["q", "f"],
).check
