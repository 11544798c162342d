"""Checks the backward pass of f = max(x, y) * z (page gates/max)."""
from backprop_core.practice import Exercise


def circuit(x, y, z):
    m = x.max(y)
    f = m * z
    return {"m": m, "f": f}


check = Exercise(
    circuit,
    inputs={"x": 1, "y": 4, "z": -2},
    gradients={"dm": "m", "dz": "z", "dx": "x", "dy": "y"},
    forward=["m", "f"],
).check
