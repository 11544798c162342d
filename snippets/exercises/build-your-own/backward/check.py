"""Checks the reader's backward() of the page's 40-line Value (page build-your-own)."""
from backprop_core.practice.engine import EngineExercise


def examples(x, y, z, a):
    """The starter's two examples: each input and the output it is the gradient of."""
    f = (x + y) * z
    b = a + a
    c = b + b
    return {"x": f, "y": f, "z": f, "a": c}


check = EngineExercise(examples, inputs={"x": -2, "y": 5, "z": -4, "a": 3}).check
