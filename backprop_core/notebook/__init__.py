"""Run code the way a notebook cell runs, for the site's build and its browser runner alike.

The rules are in :mod:`.cell`; what ``display()`` sends in :mod:`.display`;
how tracebacks are shown in :mod:`.tracebacks`.
"""

from .cell import run_cell
from .display import (
    FIGURE_ELEMENTS_PER_RUN,
    FIGURES_PER_RUN,
    PICTURE_CHARS_PER_RUN,
    SVG_MAX_CHARS,
    SVG_MAX_ELEMENTS,
    DisplayHook,
    FigureBudget,
    display_data,
)
from .tracebacks import TB_KEEP, format_exception

__all__ = [
    "FIGURES_PER_RUN",
    "FIGURE_ELEMENTS_PER_RUN",
    "PICTURE_CHARS_PER_RUN",
    "SVG_MAX_CHARS",
    "SVG_MAX_ELEMENTS",
    "TB_KEEP",
    "DisplayHook",
    "FigureBudget",
    "display_data",
    "format_exception",
    "run_cell",
]
