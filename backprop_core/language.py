"""The language of the words backprop_core writes for a reader: a diagram's title and
description, grad_check's report, the explanation in a gate's error.

Pure Python, one module-level setting, so it works the same in CPython (the
site's build) and in Pyodide (the browser's worker): whoever runs a reader's
code for a page calls :func:`set_language` with the page's language first.

>>> set_language("de")
>>> counts(1, 2)
'1 Gatter und 2 Eingänge'
>>> set_language("en")
>>> counts(1, 1), counts(2, 3)
('1 gate and 1 input', '2 gates and 3 inputs')
"""

from __future__ import annotations

from .engine_texts import ENGINE_TEXTS

__all__ = ["LANGUAGES", "counts", "gate_error", "get_language", "set_language", "text"]

LANGUAGES = ("en", "zh", "ja", "de")
_current = "en"

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Circuit of {label} = {result}",
        "title_unnamed": "Circuit computing {result}",
        "desc": "{counts}, drawn left to right. Each wire shows its forward value above it "
        "(green) and its gradient below it (red).",
        "desc_fan_out": " A value used more than once sends a share of its gradient back along "
        "each of its wires; the sum of the shares, its total gradient, is marked Σ.",
    },
    "zh": {
        "title": "{label} = {result} 的计算线路图",
        "title_unnamed": "计算结果为 {result} 的计算线路图",
        "desc": "计算线路共有 {counts}，从左到右绘制。每条连线上方是它的前向值（绿色），"
        "下方是它的梯度（红色）。",
        "desc_fan_out": "被多次使用的值沿它的每条连线传回一份梯度；"
        "这些份额之和，即它的总梯度，标有 Σ。",
    },
    "ja": {
        "title": "{label} = {result} の回路",
        "title_unnamed": "{result} を計算する回路",
        "desc": "{counts}からなる回路を左から右へ描いた図です。各線の上に順伝播の値（緑）、"
        "下に勾配（赤）を示します。",
        "desc_fan_out": "複数回使われる値は、それぞれの線に沿って勾配の一部を送り返します。"
        "その合計、つまりその値の勾配全体を Σ で示します。",
    },
    "de": {
        "title": "Schaltkreis für {label} = {result}",
        "title_unnamed": "Schaltkreis mit dem Ergebnis {result}",
        "desc": "{counts}, von links nach rechts gezeichnet. Jede Leitung zeigt über sich ihren "
        "Vorwärtswert (grün) und unter sich ihren Gradienten (rot).",
        "desc_fan_out": " Ein Wert, der mehrfach verwendet wird, schickt entlang jeder seiner "
        "Leitungen einen Anteil seines Gradienten zurück; die Summe der Anteile, sein "
        "Gesamtgradient, ist mit Σ markiert.",
    },
}


def set_language(lang: str) -> None:
    """Write diagrams' titles and descriptions in ``lang`` from now on (one of :data:`LANGUAGES`).

    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: set_language: no texts for language 'fr'; choose one of en, zh, ja, de
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(
            f"set_language: no texts for language {lang!r}; choose one of {', '.join(LANGUAGES)}"
        )
    _current = lang


def get_language() -> str:
    """The language set by :func:`set_language` (``"en"`` until then)."""
    return _current


for _lang, _texts in ENGINE_TEXTS.items():
    _TEXTS[_lang].update(_texts)


def text(key: str, **fields: object) -> str:
    """The text ``key`` in the current language, with ``fields`` filled in."""
    return _TEXTS[_current][key].format(**fields)


def gate_error(gate: str, key: str, **fields: object) -> str:
    """A gate's error message: the gate's name from the code, then what went wrong and what
    to do, in the current language.

    >>> set_language("de")
    >>> gate_error("div", "div_zero", x=1.0, y=0.0)
    'div-Gatter: 1.0 / 0.0 teilt durch null; sorgen Sie dafür, dass der Divisor nie 0 wird \
(addieren Sie etwa eine kleine Konstante)'
    >>> set_language("en")
    """
    return text("gate", name=gate) + text(key, **fields)


def counts(gates: int, inputs: int) -> str:
    """How many gates and inputs a circuit has, as a grammatical phrase."""
    if _current == "zh":
        return f"{gates} 个门和 {inputs} 个输入"
    if _current == "ja":
        return f"ゲート {gates} 個と入力 {inputs} 個"
    if _current == "de":
        return f"{gates} Gatter und {inputs} {'Eingang' if inputs == 1 else 'Eingänge'}"
    return (
        f"{gates} {'gate' if gates == 1 else 'gates'} and "
        f"{inputs} {'input' if inputs == 1 else 'inputs'}"
    )
