"""Checks the backward pass of the 2-D sigmoid neuron (page gates/sigmoid)."""
from backprop_core.practice import Exercise


def neuron(w, x):
    dot = w[0] * x[0] + w[1] * x[1] + w[2]
    f = dot.sigmoid()
    return {"dot": dot, "f": f}


check = Exercise(
    neuron,
    inputs={"w": [2, -3, -3], "x": [-1, -2]},
    gradients={"ddot": "dot", "dx": "x", "dw": "w"},
    forward=["dot", "f"],
).check
