"""The capstone's diagnoses (:mod:`.capstone`), in four languages; part of the shared
table (:data:`.messages.MESSAGES`). ``{lead}`` is the shared sentence "`{var}` is
{got}, it should be {want}"."""

from __future__ import annotations

__all__ = ["CAPSTONE_MESSAGES"]

_STEP = {  # after {lead}: when
    "en": " (after step {step})",
    "zh": "（第 {step} 步之后）",
    "ja": "（ステップ {step} の後）",
    "de": " (nach Schritt {step})",
}


def _after(texts: dict[str, str]) -> dict[str, str]:
    """``{lead}{after}`` filled with the step sentence of each language."""
    return {lang: text.replace("{after}", _STEP[lang]) for lang, text in texts.items()}


CAPSTONE_MESSAGES: dict[str, dict[str, str]] = {
    "pass-capstone": {
        "en": "Right: after each of the {steps} steps your gradients agree with backprop_core's "
        "and every parameter moved by -rate × gradient; the trained network classifies {right} "
        "of the {n} points of the moons correctly.",
        "zh": "正确！在 {steps} 步中的每一步之后，你的梯度都与 backprop_core 的一致，每个参数都移动"
        "了 "
        "-rate × 梯度；训练好的网络把月牙数据 {n} 个点中的 {right} 个分对了。",
        "ja": "正解です。{steps} ステップのどのステップの後も、あなたの勾配は backprop_core と一致"
        "し、"
        "どのパラメータも -rate × 勾配だけ動きました。学習したネットワークは moons の {n} 点のうち "
        "{right} 点を正しく分類します。",
        "de": "Richtig: Nach jedem der {steps} Schritte stimmen Ihre Gradienten mit denen von "
        "backprop_core überein, und jeder Parameter hat sich um -rate × Gradient bewegt; das "
        "trainierte Netz ordnet {right} der {n} Punkte der Moons richtig ein.",
    },
    "capstone-missing": {
        "en": "`{var}` is not defined. The starter defines it; keep its name (Reset brings the "
        "starter back).",
        "zh": "`{var}` 没有定义。初始代码定义了它；请保留这个名字（点击“重置”即可恢复初始代码）。",
        "ja": "`{var}` が定義されていません。最初のコードで定義されているので、その名前のままにして"
        "ください（「リセット」で最初のコードに戻せます）。",
        "de": "`{var}` ist nicht definiert. Der Startcode definiert es; lassen Sie den Namen so "
        "(„Zurücksetzen“ stellt den Startcode wieder her).",
    },
    "capstone-structure-name": {
        "en": "`{where}` has no list `{name}`. The checker finds the weights through micrograd's "
        "names: `model.layers`, `layer.neurons`, `neuron.w` and `neuron.b`; keep them as the "
        "starter has them.",
        "zh": "`{where}` 没有名为 `{name}` 的列表。检查程序通过 micrograd 的命名找到权重："
        "`model.layers`、`layer.neurons`、`neuron.w` 和 `neuron.b`；请保留初始代码中的这些名字。",
        "ja": "`{where}` に `{name}` というリストがありません。確認では micrograd と同じ名前で重み"
        "を"
        "探します：`model.layers`、`layer.neurons`、`neuron.w`、`neuron.b`。最初のコードの名前の"
        "ままにしてください。",
        "de": "`{where}` hat keine Liste `{name}`. Die Prüfung findet die Gewichte über die Namen "
        "von micrograd: `model.layers`, `layer.neurons`, `neuron.w` und `neuron.b`; lassen Sie "
        "sie so, wie der Startcode sie hat.",
    },
    "capstone-structure": {
        "en": "`{where}` has {got} entries, it should have {want}: `MLP(2, [8, 8, 1], rng)` is "
        "three layers of 8, 8 and 1 neurons, each neuron with one weight per input.",
        "zh": "`{where}` 有 {got} 个元素，应该有 {want} 个：`MLP(2, [8, 8, 1], rng)` 是三层，"
        "分别有 8、8、1 个神经元，每个神经元的每个输入对应一个权重。",
        "ja": "`{where}` の要素は {got} 個ですが、{want} 個のはずです。`MLP(2, [8, 8, 1], rng)` "
        "は 8、8、1 個のニューロンからなる 3 つの層で、各ニューロンは入力ごとに重みを 1 つもちます"
        "。",
        "de": "`{where}` hat {got} Einträge, richtig wären {want}: `MLP(2, [8, 8, 1], rng)` sind "
        "drei Schichten aus 8, 8 und 1 Neuronen, jedes Neuron mit einem Gewicht je Eingabe.",
    },
    "capstone-not-a-value": {
        "en": "The weights and the bias of `{where}` should be Values of your engine (with "
        "`data` and `grad`), so that `backward()` reaches them.",
        "zh": "`{where}` 的权重和偏置应该是你的引擎中的 Value（带有 `data` 和 `grad`），"
        "这样 `backward()` 才能到达它们。",
        "ja": "`{where}` の重みとバイアスは、`backward()` が届くように、あなたのエンジンの Value"
        "（`data` と `grad` をもつもの）にしてください。",
        "de": "Die Gewichte und der Bias von `{where}` sollten Values Ihrer Engine sein (mit "
        "`data` und `grad`), damit `backward()` sie erreicht.",
    },
    "capstone-parameters-missing": {
        "en": "`model.parameters()` leaves out {count} of the {total} parameters: {which}. "
        "What it does not list is never updated: every neuron's weights *and* its bias, in "
        "every layer.",
        "zh": "`model.parameters()` 漏掉了 {total} 个参数中的 {count} 个：{which}。"
        "没有列出的参数永远不会被更新：每一层中每个神经元的权重*和*偏置都要列出。",
        "ja": "`model.parameters()` は {total} 個のパラメータのうち {count} 個を落としています："
        "{which}。列挙されないものは更新されません。すべての層の、すべてのニューロンの重み*と*"
        "バイアスを入れてください。",
        "de": "`model.parameters()` lässt {count} der {total} Parameter aus: {which}. Was es "
        "nicht aufzählt, wird nie aktualisiert: die Gewichte *und* der Bias jedes Neurons, in "
        "jeder Schicht.",
    },
    "capstone-parameters-twice": {
        "en": "`model.parameters()` lists {got} Values, but there are {want} parameters "
        "({which}). A parameter listed twice takes two steps each time: it should list each one "
        "once.",
        "zh": "`model.parameters()` 列出了 {got} 个 Value，但参数只有 {want} 个（{which}）。"
        "被列出两次的参数每次都会走两步。",
        "ja": "`model.parameters()` は {got} 個の Value を返しますが、パラメータは {want} 個です"
        "（{which}）。2 回入っているパラメータは、毎回 2 歩動いてしまいます。",
        "de": "`model.parameters()` zählt {got} Values auf, es gibt aber {want} Parameter "
        "({which}). Ein doppelt aufgezählter Parameter macht jedes Mal zwei Schritte: Zählen "
        "Sie jeden nur einmal auf.",
    },
    "capstone-output-relu": {
        "en": "{lead}: your output layer applies a ReLU. The score must be able to go negative "
        "(the other class), so the last layer has no ReLU (`relu=False`).",
        "zh": "{lead}：你的输出层用了 ReLU。分数必须能取负值（另一个类别），所以最后一层没有 ReLU"
        "（`relu=False`）。",
        "ja": "{lead}。出力層に ReLU がかかっています。スコアは負にもなれなければならない（もう一方"
        "の"
        "クラス）ので、最後の層には ReLU を付けません（`relu=False`）。",
        "de": "{lead}: Ihre Ausgabeschicht wendet ein ReLU an. Der Score muss negativ werden "
        "können (die andere Klasse), also hat die letzte Schicht kein ReLU (`relu=False`).",
    },
    "capstone-no-relu": {
        "en": "{lead}: no neuron applies its ReLU. Without it the network is one linear "
        "function, a straight boundary; the hidden layers apply `relu()` to w·x + b.",
        "zh": "{lead}：没有一个神经元用了 ReLU。没有它，整个网络就是一个线性函数，边界是一条直线；"
        "隐藏层要对 w·x + b 调用 `relu()`。",
        "ja": "{lead}。どのニューロンも ReLU を通していません。ReLU がなければネットワーク全体が 1 "
        "つの"
        "線形関数になり、境界は直線です。隠れ層では w·x + b に `relu()` をかけます。",
        "de": "{lead}: Kein Neuron wendet sein ReLU an. Ohne es ist das Netz eine einzige lineare "
        "Funktion mit gerader Grenze; die verdeckten Schichten wenden `relu()` auf w·x + b an.",
    },
    "capstone-no-bias": {
        "en": "{lead}: the neurons leave out their bias. A neuron computes w·x + b.",
        "zh": "{lead}：神经元漏掉了偏置。神经元计算的是 w·x + b。",
        "ja": "{lead}。ニューロンがバイアスを足していません。ニューロンが計算するのは w·x + b です"
        "。",
        "de": "{lead}: Die Neuronen lassen ihren Bias weg. Ein Neuron berechnet w·x + b.",
    },
    "capstone-forward": {
        "en": "{lead} (the checker gave the network its own weights). Check the forward pass: "
        "each neuron ReLU(w·x + b) on the previous layer's outputs, the last layer without "
        "ReLU, and `MLP.__call__` returns the one output of the last layer.",
        "zh": "{lead}（检查程序给网络设了它自己的权重）。请检查前向传播：每个神经元对上一层的输出计"
        "算 "
        "ReLU(w·x + b)，最后一层不用 ReLU，`MLP.__call__` 返回最后一层唯一的输出。",
        "ja": "{lead}（重みは確認側が設定しました）。順伝播を確かめてください。各ニューロンは前の層"
        "の"
        "出力について ReLU(w·x + b) を計算し、最後の層には ReLU がなく、`MLP.__call__` は最後の層の"
        "ただ 1 つの出力を返します。",
        "de": "{lead} (die Prüfung hat dem Netz ihre eigenen Gewichte gegeben). Prüfen Sie den "
        "Vorwärtsdurchlauf: jedes Neuron ReLU(w·x + b) auf den Ausgaben der vorigen Schicht, die "
        "letzte Schicht ohne ReLU, und `MLP.__call__` gibt die eine Ausgabe der letzten Schicht "
        "zurück.",
    },
    "capstone-no-backward": _after(
        {
            "en": "{lead}{after}: every gradient is still 0. `train_step` must call "
            "`loss.backward()` before it moves the parameters, and must not set the gradients "
            "to 0 between the two.",
            "zh": "{lead}{after}：所有梯度都还是 0。`train_step` 必须在移动参数之前调用 "
            "`loss.backward()`，而且在这两步之间不能把梯度设回 0。",
            "ja": "{lead}{after}。勾配がすべて 0 のままです。`train_step` はパラメータを動かす前に "
            "`loss.backward()` を呼ぶ必要があり、その 2 つの間で勾配を 0 に戻してはいけません。",
            "de": "{lead}{after}: Jeder Gradient ist noch 0. `train_step` muss `loss.backward()` "
            "aufrufen, bevor es die Parameter bewegt, und darf die Gradienten dazwischen nicht "
            "auf 0 setzen.",
        }
    ),
    "capstone-no-zero-grad": _after(
        {
            "en": "{lead}{after}: that is the sum of the gradients of all {step} steps so far. "
            "Set every parameter's gradient back to 0 before `backward()`, or each step adds "
            "its gradient to all the old ones.",
            "zh": "{lead}{after}：这是到目前为止全部 {step} 步的梯度之和。在 `backward()` 之前必须"
            "把每个参数的梯度设回 0，否则每一步都会把它的梯度加到之前所有的梯度上。",
            "ja": "{lead}{after}。これはここまでの {step} ステップすべての勾配の和です。"
            "`backward()` の前に各パラメータの勾配を 0 に戻さないと、ステップごとの勾配がそれまでの"
            "勾配すべてに足されていきます。",
            "de": "{lead}{after}: Das ist die Summe der Gradienten aller {step} bisherigen "
            "Schritte. Setzen Sie den Gradienten jedes Parameters vor `backward()` auf 0 zurück, "
            "sonst addiert jeder Schritt seinen Gradienten zu allen alten.",
        }
    ),
    "capstone-typed-in": _after(
        {
            "en": "{lead}{after}: these are the gradients of step 1, again. Each step has its "
            "own mini-batch and its own weights: compute the gradients with `loss.backward()` "
            "in every step instead of typing in numbers.",
            "zh": "{lead}{after}：这又是第 1 步的梯度。每一步都有自己的小批量和自己的权重："
            "请在每一步用 `loss.backward()` 计算梯度，而不是直接填数字。",
            "ja": "{lead}{after}。これはステップ 1 の勾配のままです。ステップごとにミニバッチも重み"
            "も"
            "違います。数値を直接書くのではなく、毎ステップ `loss.backward()` で勾配を計算してくだ"
            "さい。",
            "de": "{lead}{after}: Das sind wieder die Gradienten von Schritt 1. Jeder Schritt hat "
            "seinen eigenen Mini-Batch und seine eigenen Gewichte: Berechnen Sie die Gradienten "
            "in jedem Schritt mit `loss.backward()`, statt Zahlen einzutippen.",
        }
    ),
    "capstone-gradient": _after(
        {
            "en": "{lead}{after}; backprop_core computed the same loss on the same network. "
            "Check `backward()`, and keep `loss_of` as the starter has it.",
            "zh": "{lead}{after}；backprop_core 在同一个网络上计算了同一个损失。请检查 "
            "`backward()`，并保持 `loss_of` 与初始代码相同。",
            "ja": "{lead}{after}。backprop_core は同じネットワークで同じ損失を計算しました。"
            "`backward()` を確かめ、`loss_of` は最初のコードのままにしてください。",
            "de": "{lead}{after}; backprop_core hat denselben Verlust auf demselben Netz "
            "berechnet. Prüfen Sie `backward()` und lassen Sie `loss_of` wie im Startcode.",
        }
    ),
    "capstone-no-update": {
        "en": "The gradients are right, but in step {step} no parameter moved: `{var}` moved "
        "by {got}, it should move by {want}. After `backward()`, `p.data -= rate * p.grad` for "
        "every parameter.",
        "zh": "梯度是对的，但第 {step} 步中没有一个参数移动：`{var}` 移动了 {got}，应该移动 {want}"
        "。"
        "在 `backward()` 之后，对每个参数执行 `p.data -= rate * p.grad`。",
        "ja": "勾配は正しいのですが、ステップ {step} でどのパラメータも動いていません。`{var}` の移"
        "動は "
        "{got} ですが、{want} のはずです。`backward()` の後、すべてのパラメータについて "
        "`p.data -= rate * p.grad` とします。",
        "de": "Die Gradienten stimmen, aber in Schritt {step} hat sich kein Parameter bewegt: "
        "`{var}` hat sich um {got} bewegt, richtig wären {want}. Nach `backward()` kommt "
        "`p.data -= rate * p.grad` für jeden Parameter.",
    },
    "capstone-uphill": {
        "en": "The gradients are right, but in step {step} `{var}` moved by {got}, it should "
        "move by {want}: every parameter stepped *with* its gradient, uphill. The loss falls "
        "against the gradient: `p.data -= rate * p.grad`.",
        "zh": "梯度是对的，但第 {step} 步中 `{var}` 移动了 {got}，应该移动 {want}：每个参数都*顺着*"
        "梯度走，往上坡去了。损失沿着梯度的反方向下降：`p.data -= rate * p.grad`。",
        "ja": "勾配は正しいのですが、ステップ {step} で `{var}` は {got} 動きました。正しくは {want"
        "} "
        "です。どのパラメータも勾配と*同じ向き*、つまり上り坂へ進んでいます。損失は勾配と逆向きに"
        "下がります：`p.data -= rate * p.grad`。",
        "de": "Die Gradienten stimmen, aber in Schritt {step} hat sich `{var}` um {got} bewegt, "
        "richtig wären {want}: Jeder Parameter ist *mit* seinem Gradienten gegangen, bergauf. Der "
        "Verlust fällt gegen den Gradienten: `p.data -= rate * p.grad`.",
    },
    "capstone-step": {
        "en": "The gradients are right, but in step {step} `{var}` moved by {got}, it should "
        "move by {want} (-{rate} × its gradient). Move every parameter in `parameters()` by "
        "`-rate * p.grad`, once per step.",
        "zh": "梯度是对的，但第 {step} 步中 `{var}` 移动了 {got}，应该移动 {want}（-{rate} × 它的梯"
        "度）。"
        "每一步把 `parameters()` 中的每个参数移动 `-rate * p.grad`，每步一次。",
        "ja": "勾配は正しいのですが、ステップ {step} で `{var}` は {got} 動きました。正しくは {want"
        "}"
        "（-{rate} × その勾配）です。`parameters()` のすべてのパラメータを、1 ステップに 1 回、"
        "`-rate * p.grad` だけ動かしてください。",
        "de": "Die Gradienten stimmen, aber in Schritt {step} hat sich `{var}` um {got} bewegt, "
        "richtig wären {want} (-{rate} × sein Gradient). Bewegen Sie jeden Parameter aus "
        "`parameters()` um `-rate * p.grad`, einmal je Schritt.",
    },
    "capstone-accuracy": {
        "en": "Every step was right, yet after {steps} steps the network classifies only "
        "{right} of the {n} points of the moons correctly; the page asks for {target}. Keep "
        "`MLP.__call__` as it was during training.",
        "zh": "每一步都对，但 {steps} 步之后网络只把月牙数据 {n} 个点中的 {right} 个分对了；本页要"
        "求 "
        "{target} 个。训练之后请不要改变 `MLP.__call__`。",
        "ja": "どのステップも正しいのですが、{steps} ステップの後、ネットワークが正しく分類するのは"
        " "
        "moons の {n} 点のうち {right} 点だけです。このページの目標は {target} 点です。"
        "`MLP.__call__` は学習中と同じにしてください。",
        "de": "Jeder Schritt war richtig, und doch ordnet das Netz nach {steps} Schritten nur "
        "{right} der {n} Punkte der Moons richtig ein; die Seite verlangt {target}. Lassen Sie "
        "`MLP.__call__` so, wie es beim Training war.",
    },
}
