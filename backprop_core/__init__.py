"""backprop_core: a small scalar autodiff engine for learning backpropagation.

The engine is this folder's top level: :mod:`.value` (``Value``), :mod:`.ops`
(the gate table), :mod:`.graph` (walking a graph), :mod:`.gates` (gates you
drive by hand), :mod:`.gradcheck` (the numerical gradient that referees them),
:mod:`.errors`, :mod:`.language` and :mod:`.text` (what the engine writes for a
reader). Around it, rooms of their own that the engine never imports:
:mod:`.draw` (pictures), :mod:`.practice` (the exercise checker),
:mod:`.notebook` (running a block like a notebook cell) and :mod:`.datasets`.

>>> from backprop_core import Value
>>> x, y = Value(-2.0), Value(3.0)
>>> f = x * y
>>> f.backward()
>>> f.data, x.grad, y.grad
(-6.0, 3.0, -2.0)
"""

import importlib

from .gates import (
    AddGate,
    DivideGate,
    DotGate,
    ExpGate,
    Gate,
    LogGate,
    LogSumExpGate,
    MaxGate,
    MultiplyGate,
    NegateGate,
    PowerGate,
    ReluGate,
    SigmoidGate,
    SoftplusGate,
    SubtractGate,
    SumGate,
    TanhGate,
)
from .gradcheck import GradCheck, GradCheckRow, grad_check, numerical_grad
from .graph import Node, topological_order, trace
from .language import get_language, set_language
from .text import format_number
from .value import Value

__version__ = "0.1.0"

# Names the package offers from its rooms, loaded when first asked for.
_FROM_ROOMS = {"draw_svg": "draw", "training_plot": "draw"}


def __getattr__(name: str) -> object:
    room = _FROM_ROOMS.get(name)
    if room is None:
        raise AttributeError(f"module 'backprop_core' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{room}"), name)


__all__ = [
    "AddGate",
    "DivideGate",
    "DotGate",
    "ExpGate",
    "Gate",
    "GradCheck",
    "GradCheckRow",
    "LogGate",
    "LogSumExpGate",
    "MaxGate",
    "MultiplyGate",
    "NegateGate",
    "Node",
    "PowerGate",
    "ReluGate",
    "SigmoidGate",
    "SoftplusGate",
    "SubtractGate",
    "SumGate",
    "TanhGate",
    "Value",
    "draw_svg",
    "format_number",
    "get_language",
    "grad_check",
    "numerical_grad",
    "set_language",
    "topological_order",
    "trace",
    "training_plot",
]
