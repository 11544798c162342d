"""Checks dx, the backward pass of a dropout gate with a fixed mask (page optimization)."""
from backprop_core.practice import Exercise

MASK, KEEP = [1.0, 0.0, 1.0, 1.0], 0.75


def dropout(x, dout):
    out = [xi * m / KEEP for xi, m in zip(x, MASK)]
    # A loss whose gradient at out is dout: L = sum of dout[i] * out[i].
    L = dout[0] * out[0] + dout[1] * out[1] + dout[2] * out[2] + dout[3] * out[3]
    return {"out": out, "L": L}


check = Exercise(
    dropout,
    inputs={"x": [0.5, -1.5, 2, 1], "dout": [0.25, 1, -0.5, 2]},
    gradients={"dx": "x"},
    forward=["out"],
).check
