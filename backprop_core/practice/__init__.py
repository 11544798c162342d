"""The practice room: exercises whose checker says what is wrong with a backward pass."""

from .exercise import Exercise, Mistake
from .messages import LANGUAGES, MESSAGES
from .wording import KEYS, message

__all__ = ["KEYS", "LANGUAGES", "MESSAGES", "Exercise", "Mistake", "message"]
