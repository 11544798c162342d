"""Pictures: circuit diagrams of a Value's graph, and plots of a training run, as SVG.

The engine imports nothing from here; ``Value._repr_svg_`` loads this package
when a notebook or the site first asks for a picture.
"""

from .plot import Picture, training_plot
from .svg import DRAW_LIMIT, draw_svg, local_gradients, repr_svg

__all__ = ["DRAW_LIMIT", "Picture", "draw_svg", "local_gradients", "repr_svg", "training_plot"]
