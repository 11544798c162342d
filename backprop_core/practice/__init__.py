"""Exercises with feedback: the reader writes a backward pass, the checker says what is wrong.

An exercise (``snippets/exercises/<name>/check.py``) describes its function once
with :class:`~backprop_core.Value` and names the reader's variables; its
``check(source, lang)`` runs the reader's code at the given point and at
several other points (so typed-in numbers cannot pass), compares every gradient
with the engine's, and explains a failure: which variable, what it is, what it
should be, and the likely mistake, from one table shared by all exercises
(:data:`~backprop_core.practice.messages.MESSAGES`, in four languages).

>>> from backprop_core.practice import Exercise
>>> def product(x, y):
...     return {"f": x * y}
>>> check = Exercise(product, inputs={"x": -2, "y": 3}, gradients={"dx": "x", "dy": "y"}).check
>>> check("x, y = -2, 3\\ndx = y\\ndy = x\\n")["verdict"]
'pass'
>>> result = check("x, y = -2, 3\\ndx = x\\ndy = y\\n")
>>> result["key"]
'swapped-inputs'
>>> print(result["message"])  # doctest: +NORMALIZE_WHITESPACE
`dx` is -2, it should be 3. The multiply gate `f = x * y` swaps: each input gets
the other input times the upstream gradient. You used each input's own value.
"""

from .exercise import Exercise, Mistake
from .messages import KEYS, LANGUAGES, MESSAGES, message

__all__ = ["KEYS", "LANGUAGES", "MESSAGES", "Exercise", "Mistake", "message"]
