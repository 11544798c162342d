"""The words a training picture shows, in the reader's language (``backprop_core.set_language``)."""

from __future__ import annotations

from ..language import get_language

__all__ = ["WORDS", "word"]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Training: data, decision boundary and loss curve",
        "class": "class {label}",
        "boundary": "boundary",
        "accuracy": "accuracy {right}/{n}",
        "loss": "loss {value} after {steps} steps",
        "loss_1": "loss {value} after 1 step",
        "step": "step",
        "points": "{n} points: {pos} drawn as circles, {neg} as squares.",
        "points_1": "{n} points of {pos}, drawn as circles.",
        "model": " The shading shows the class the model predicts at each place, the line its "
        "decision boundary; {right} of {n} points are on the right side.",
        "curve": " Below, the loss over {steps} steps, from {first} to {last}.",
    },
    "zh": {
        "title": "训练：数据、决策边界与损失曲线",
        "class": "类别 {label}",
        "boundary": "决策边界",
        "accuracy": "准确率 {right}/{n}",
        "loss": "损失 {value}（{steps} 步后）",
        "loss_1": "损失 {value}（1 步后）",
        "step": "步数",
        "points": "{n} 个数据点：{pos} 画成圆点，{neg} 画成方块。",
        "points_1": "{n} 个 {pos} 的数据点，画成圆点。",
        "model": "底色表示模型在各处预测的类别，线是它的决策边界；"
        "有 {right} 个点落在正确的一侧（共 {n} 个）。",
        "curve": "下方是 {steps} 步中的损失，从 {first} 变为 {last}。",
    },
    "ja": {
        "title": "学習：データ、決定境界、損失の曲線",
        "class": "クラス {label}",
        "boundary": "決定境界",
        "accuracy": "正解率 {right}/{n}",
        "loss": "損失 {value}（{steps} ステップ後）",
        "loss_1": "損失 {value}（1 ステップ後）",
        "step": "ステップ",
        "points": "{n} 個のデータ点。{pos} を丸、{neg} を四角で描いています。",
        "points_1": "{pos} の {n} 個のデータ点を丸で描いています。",
        "model": "色分けはモデルが各場所で予測するクラス、線はその決定境界です。"
        "正しい側にある点は {right} 点です（全 {n} 点）。",
        "curve": "下は {steps} ステップの損失の曲線で、{first} から {last} になっています。",
    },
    "de": {
        "title": "Training: Daten, Entscheidungsgrenze und Verlustkurve",
        "class": "Klasse {label}",
        "boundary": "Entscheidungsgrenze",
        "accuracy": "Genauigkeit {right}/{n}",
        "loss": "Verlust {value} nach {steps} Schritten",
        "loss_1": "Verlust {value} nach 1 Schritt",
        "step": "Schritt",
        "points": "{n} Punkte: {pos} als Kreise, {neg} als Quadrate.",
        "points_1": "{n} Punkte der {pos}, als Kreise gezeichnet.",
        "model": " Die Färbung zeigt, welche Klasse das Modell an jeder Stelle vorhersagt, die "
        "Linie seine Entscheidungsgrenze; {right} von {n} Punkten liegen auf der richtigen Seite.",
        "curve": " Darunter der Verlust über {steps} Schritte, von {first} bis {last}.",
    },
}


def word(key: str, **fields: object) -> str:
    return WORDS[get_language()][key].format(**fields)
