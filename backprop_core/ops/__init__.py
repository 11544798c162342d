"""The gate table: every operation's forward rule and local derivative, once.

Each op is a tiny object with two methods side by side, so the calculus can be
read straight off the code:

* ``forward(x)`` / ``forward(x, y)`` computes the gate's output from its inputs;
* ``local_grad(x, out)`` / ``local_grads(x, y, out)`` returns d(out)/d(input)
  for each input, given the inputs and the output the forward pass produced.

A few gates take any number of inputs (``forward(xs)``, ``local_grads(xs,
out)``): the sum, the dot product and log-sum-exp. One such gate stands for a
whole chain of two-input gates, with the same gradients and far fewer nodes,
which is what makes training a network on a page fast enough to watch.

The gates live in three modules by how many inputs they take (:mod:`.two_inputs`,
:mod:`.one_input`, :mod:`.many_inputs`); :mod:`.base` says what a gate is.

Both :class:`~backprop_core.value.Value` (the automatic graph) and the explicit
gate objects in :mod:`backprop_core.gates` (the "by hand" version the pages
show) call these rules. The chain rule itself — multiply the local gradient by
the upstream gradient — is applied by those callers, never here.

Errors name the gate and the value that broke it, and say what to do.
"""

from .base import BinaryOp, NaryOp, Op, UnaryOp, check_finite
from .many_inputs import DOT, LOGSUMEXP, SUM, Dot, LogSumExp, Sum
from .one_input import (
    EXP,
    LOG,
    NEG,
    RELU,
    SIGMOID,
    SOFTPLUS,
    TANH,
    Exp,
    Log,
    Neg,
    Power,
    Relu,
    Sigmoid,
    Softplus,
    Tanh,
    power,
)
from .two_inputs import ADD, DIV, MAX, MUL, POW, SUB, Add, Div, Max, Mul, Pow, Sub

__all__ = [
    "ADD",
    "DIV",
    "DOT",
    "EXP",
    "LOG",
    "LOGSUMEXP",
    "MAX",
    "MUL",
    "NEG",
    "POW",
    "RELU",
    "SIGMOID",
    "SOFTPLUS",
    "SUB",
    "SUM",
    "TANH",
    "Add",
    "BinaryOp",
    "Div",
    "Dot",
    "Exp",
    "Log",
    "LogSumExp",
    "Max",
    "Mul",
    "NaryOp",
    "Neg",
    "Op",
    "Pow",
    "Power",
    "Relu",
    "Sigmoid",
    "Softplus",
    "Sub",
    "Sum",
    "Tanh",
    "UnaryOp",
    "check_finite",
    "power",
]
