"""The old address of :func:`backprop_core.draw.training_plot`, kept so code written for it runs.

Readers' saved edits of the training pages import ``training_plot`` from here.
"""

from .draw.plot import Picture, training_plot

__all__ = ["Picture", "training_plot"]
