"""Checks the whole backward pass of the staged function (page staged-computation)."""
from backprop_core.practice import Exercise


def staged(x, y):
    sigy = y.sigmoid()
    num = x + sigy
    sigx = x.sigmoid()
    xpy = x + y
    xpysqr = xpy**2
    den = sigx + xpysqr
    invden = 1 / den
    f = num * invden
    return {"sigy": sigy, "num": num, "sigx": sigx, "xpy": xpy, "xpysqr": xpysqr,
            "den": den, "invden": invden, "f": f}


check = Exercise(
    staged,
    inputs={"x": 3, "y": -4},
    gradients={
        "dnum": "num", "dinvden": "invden", "dden": "den", "dsigx": "sigx",
        "dxpysqr": "xpysqr", "dxpy": "xpy", "dsigy": "sigy", "dx": "x", "dy": "y",
    },
    forward=["sigy", "num", "sigx", "xpy", "xpysqr", "den", "invden", "f"],
).check
