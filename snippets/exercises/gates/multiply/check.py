"""Checks the backward pass of f = x * y * z (page gates/multiply)."""
from backprop_core.practice import Exercise


def circuit(x, y, z):
    q = x * y
    f = q * z
    return {"q": q, "f": f}


check = Exercise(
    circuit,
    inputs={"x": 2, "y": -1, "z": 4},
    gradients={"dq": "q", "dz": "z", "dx": "x", "dy": "y"},
    forward=["q", "f"],
).check
