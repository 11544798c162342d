"""Checks ds, the vector-Jacobian product of a softmax layer (page reverse-mode)."""
from backprop_core.practice import Exercise


def softmax_layer(s, dp):
    e = [x.exp() for x in s]
    total = e[0] + e[1] + e[2] + e[3]
    p = [x / total for x in e]
    # A loss whose gradient at p is dp: L = sum of dp[i] * p[i].
    L = dp[0] * p[0] + dp[1] * p[1] + dp[2] * p[2] + dp[3] * p[3]
    return {"p": p, "L": L}


check = Exercise(
    softmax_layer,
    inputs={"s": [1, 2, 0.5, -1], "dp": [0.5, -1, 2, 0]},
    gradients={"ds": "s"},
    forward=["p"],
).check
