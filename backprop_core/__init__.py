"""backprop_core: a small scalar autodiff engine for learning backpropagation.

>>> from backprop_core import Value
>>> x, y = Value(-2.0), Value(3.0)
>>> f = x * y
>>> f.backward()
>>> f.data, x.grad, y.grad
(-6.0, 3.0, -2.0)
"""

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
from .svg import draw_svg, format_number
from .value import Value

__version__ = "0.1.0"

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
]
