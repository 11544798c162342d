"""Put a finding into words: a key of the message table, filled in, in the page's language."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .messages import (
    AT_CASE,
    AT_POINT,
    GATES,
    HIDDEN,
    HIDDEN_FACTOR,
    LANGUAGES,
    LEAD,
    MESSAGES,
    REASONS,
)

__all__ = ["KEYS", "PASSES", "gate_name", "message"]

# The messages of a pass: Exercise's, EngineExercise's, InitExercise's and
# CapstoneExercise's (not diagnoses).
PASSES = ("pass", "pass-engine", "pass-init", "pass-capstone")
KEYS = tuple(key for key in MESSAGES if key not in PASSES)

_CJK = "\u3040-\u30ff\u4e00-\u9fff"  # kana and ideographs
_CJK_LATIN = re.compile(rf"(?<=[{_CJK}])(?=[A-Za-z])|(?<=[A-Za-z])(?=[{_CJK}])")


class _Fields(dict[str, str]):
    """Placeholders; one a message needs but the finding lacks stays visible, not an error."""

    def __missing__(self, key: str) -> str:
        return "?"


def message(key: str, lang: str, fields: Mapping[str, str]) -> str:
    """The message for ``key`` in ``lang`` (English if the language is unknown).

    ``fields`` fills the placeholders; ``var``, ``got``, ``want`` and ``point``
    make the ``{lead}`` sentence where the message has one, and ``gate`` (an op
    name such as ``"sigmoid"``) becomes the gate's name in ``lang``.
    """
    lang = lang if lang in LANGUAGES else "en"
    values = dict(fields)
    if "gate" in values:
        values["gate"] = gate_name(values["gate"], lang)
    if values.get("why") in REASONS:
        values["why"] = REASONS[values["why"]][lang]
    hidden = values.get("hidden") == "yes"
    if "factor" in values:
        values["hidden"] = HIDDEN_FACTOR[lang].format(factor=values["factor"]) if hidden else ""
    else:
        values["hidden"] = HIDDEN[lang].format(value=values.get("value", "")) if hidden else ""
    if "var" in values and "want" in values:
        if values.get("case"):
            at = AT_CASE[lang].format(case=values["case"])
        else:
            at = AT_POINT[lang].format(point=values["point"]) if values.get("point") else ""
        values["lead"] = LEAD[lang].format(
            var=values["var"], got=values["got"], want=values["want"], at=at
        )
    texts = MESSAGES.get(key) or MESSAGES["checker-failed"]
    text = texts[lang].format_map(_Fields(values))
    if lang in ("zh", "ja"):  # a space between CJK and Latin words: "这是 sigmoid 门"
        text = _CJK_LATIN.sub(" ", text)
    return text


def gate_name(op: str, lang: str) -> str:
    """The gate's name in ``lang``, for sentences."""
    names = GATES.get(op)
    return names[lang if lang in LANGUAGES else "en"] if names else op
