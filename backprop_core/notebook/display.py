"""What ``display(obj)`` sends: an SVG picture if the object draws itself, else its repr.

A picture too big to show (over ``SVG_MAX_CHARS`` characters or
``SVG_MAX_ELEMENTS`` elements) falls back to the repr, with the note
``"picture_too_large"``. A cell shows at most ``FIGURES_PER_RUN`` new pictures,
``FIGURE_ELEMENTS_PER_RUN`` elements and ``PICTURE_CHARS_PER_RUN`` characters
of them in all (:class:`FigureBudget`); the first picture over that budget is
replaced by the note ``"too_many_figures"``, later ones are left out. A picture
displayed again under its ``display_id`` (a live training picture) replaces
itself and is never counted. The browser's runner keeps the same budget
(web/runner-limits.json, web/figures.js).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = [
    "FIGURES_PER_RUN",
    "FIGURE_ELEMENTS_PER_RUN",
    "PICTURE_CHARS_PER_RUN",
    "SVG_MAX_CHARS",
    "SVG_MAX_ELEMENTS",
    "DisplayHook",
    "FigureBudget",
    "display_data",
]

#: receives ``(mime, data, meta)`` for every displayed object; ``meta`` may hold
#: ``"display_id"`` (replace the picture shown under that id) and ``"note"``
#: (``"picture_too_large"``: a picture fell back to its repr; ``"too_many_figures"``:
#: the cell's pictures went over its budget, with no data).
DisplayHook = Callable[[str, str, Mapping[str, str]], None]

SVG_MAX_CHARS = 2_000_000  # a bigger picture is shown as its repr
SVG_MAX_ELEMENTS = 10_000  # the same with more elements (a 1,000-node circuit has ~6,300)
FIGURES_PER_RUN = 50  # new pictures one cell may show...
FIGURE_ELEMENTS_PER_RUN = 50_000  # ...their elements in all...
PICTURE_CHARS_PER_RUN = 10_000_000  # ...and their characters


class FigureBudget:
    """The pictures one cell has shown, against its budget.

    >>> budget, dot = FigureBudget(), "<svg><circle/></svg>"
    >>> [budget.admit(dot, None) for _ in range(FIGURES_PER_RUN)][-1]
    'new'
    >>> budget.admit(dot, None), budget.admit(dot, None)
    ('cut', 'drop')
    >>> budget.admit(dot, "live"), budget.admit(dot, "live")
    ('drop', 'drop')
    >>> fresh = FigureBudget()
    >>> fresh.admit(dot, "live"), fresh.admit(dot, "live")
    ('new', 'update')
    """

    def __init__(self) -> None:
        self.figures = self.elements = self.chars = 0
        self.shown: set[str] = set()  # display ids shown (their updates are free)
        self.cut = False

    def admit(self, svg: str, display_id: str | None) -> str:
        """``"update"`` (replaces the picture shown under ``display_id``), ``"new"``,
        ``"cut"`` (the first picture over the budget: say so) or ``"drop"``."""
        if display_id is not None and display_id in self.shown:
            return "update"
        if self.cut:
            return "drop"
        elements = _elements(svg)
        self.cut = (
            self.figures + 1 > FIGURES_PER_RUN
            or self.elements + elements > FIGURE_ELEMENTS_PER_RUN
            or self.chars + len(svg) > PICTURE_CHARS_PER_RUN
        )
        if self.cut:
            return "cut"
        self.figures += 1
        self.elements += elements
        self.chars += len(svg)
        if display_id is not None:
            self.shown.add(display_id)
        return "new"


def display_data(obj: object) -> tuple[str, str, dict[str, str]]:
    """The (mime type, data, meta) that display ``obj``: SVG if it can draw itself, else repr.

    >>> display_data(42)
    ('text/plain', '42', {})
    >>> class Huge:
    ...     def _repr_svg_(self): return "<svg>" + "<g/>" * SVG_MAX_ELEMENTS + "</svg>"
    ...     def __repr__(self): return "Huge()"
    >>> display_data(Huge())
    ('text/plain', 'Huge()', {'note': 'picture_too_large'})
    """
    to_svg = getattr(obj, "_repr_svg_", None)
    if callable(to_svg):
        svg = to_svg()
        if isinstance(svg, str):
            if len(svg) <= SVG_MAX_CHARS and _elements(svg) <= SVG_MAX_ELEMENTS:
                return "image/svg+xml", svg, {}
            return "text/plain", repr(obj), {"note": "picture_too_large"}
    return "text/plain", repr(obj), {}


def _elements(svg: str) -> int:
    """How many elements an SVG string has (start tags; counted, not parsed)."""
    return svg.count("<") - svg.count("</") - svg.count("<!") - svg.count("<?")
