"""Checks the backward pass of f = (a + b) / (c + d) (page gates/division)."""
from backprop_core.practice import Exercise


def circuit(a, b, c, d):
    num = a + b
    den = c + d
    f = num / den
    return {"num": num, "den": den, "f": f}


check = Exercise(
    circuit,
    inputs={"a": 2, "b": 4, "c": 1, "d": 3},
    gradients={"dnum": "num", "dden": "den", "da": "a", "db": "b", "dc": "c", "dd": "d"},
    forward=["num", "den", "f"],
).check
