"""Checks ds, the vector-Jacobian product of a softmax layer (page reverse-mode)."""

import math

from backprop_core.practice import Exercise, Mistake


def softmax_layer(s, dp):
    e = [x.exp() for x in s]
    total = e[0] + e[1] + e[2] + e[3]
    p = [x / total for x in e]
    # A loss whose gradient at p is dp: L = sum of dp[i] * p[i].
    L = dp[0] * p[0] + dp[1] * p[1] + dp[2] * p[2] + dp[3] * p[3]
    return {"p": p, "L": L}


def softmax(s):
    e = [math.exp(x - max(s)) for x in s]
    return [x / sum(e) for x in e]


def vjp(entry, dot=lambda s, dp, p: sum(g * q for g, q in zip(dp, p))):
    """ds as a slip computes it: entry(p_i, dp_i, s_i, the dot product) for every i."""

    def formula(s, dp):
        p = softmax(s)
        c = dot(s, dp, p)
        return [entry(q, g, x, c) for q, g, x in zip(p, dp, s)]

    return formula


def slip(wrong, entry, dot=None):
    formula = vjp(entry) if dot is None else vjp(entry, dot)
    return Mistake("vjp-formula", "ds", formula, {"wrong": wrong})


MISTAKES = [  # ds = p ⊙ (dp − dp·p); each slip a reader makes in one of its parts
    slip("p ⊙ (dp − Σⱼ dpⱼ)", lambda q, g, x, c: q * (g - c), lambda s, dp, p: sum(dp)),
    slip("p ⊙ (dp − Σⱼ pⱼ)", lambda q, g, x, c: q * (g - c), lambda s, dp, p: sum(p)),
    slip("p ⊙ (dp + dp·p)", lambda q, g, x, c: q * (g + c)),
    slip(
        "p ⊙ (dp − s·p)",
        lambda q, g, x, c: q * (g - c),
        lambda s, dp, p: sum(x * q for x, q in zip(s, p)),
    ),
    slip("p ⊙ (s − dp·p)", lambda q, g, x, c: q * (x - c)),
    slip("p + (dp − dp·p)", lambda q, g, x, c: q + (g - c)),
    slip("dp − dp·p", lambda q, g, x, c: g - c),
    slip("p ⊙ (dp − dp·p)²", lambda q, g, x, c: q * (g - c) ** 2),
    slip("p", lambda q, g, x, c: q),
    slip("dp − p", lambda q, g, x, c: g - q),
    slip("p ⊙ dp", lambda q, g, x, c: q * g),  # the Jacobian as diag(p)
    slip("p ⊙ (1 − p) ⊙ dp", lambda q, g, x, c: q * (1 - q) * g),  # only its diagonal
    slip("p ⊙ dp − dp·p", lambda q, g, x, c: q * g - c),
]

check = Exercise(
    softmax_layer,
    inputs={"s": [1, 2, 0.5, -1], "dp": [0.5, -1, 2, 0]},
    gradients={"ds": "s"},
    forward=["p"],
    mistakes=MISTAKES,
).check
