"""Checks the bug hunt "a tanh neuron" (page common-mistakes)."""
from backprop_core.practice import Exercise


def neuron(w, b, x):
    z = w[0] * x[0] + w[1] * x[1] + b
    t = z.tanh()
    return {"z": z, "t": t}


check = Exercise(
    neuron,
    inputs={"w": [0.5, -1.5], "b": 0.25, "x": [2, 1]},
    gradients={"dz": "z", "dw": "w", "dx": "x", "db": "b"},
    forward=["z", "t"],
).check
