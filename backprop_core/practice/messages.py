"""The diagnosis table, as data: one key per typical mistake, its message in four languages.

Every exercise shares this table (the code that fills it in is
:mod:`~backprop_core.practice.wording`). A key is what tests and the page rely on
(``"missing-upstream"``); the message is what the reader reads, in the page's
language, with the numbers of their own answer filled in. ``{lead}`` is the
sentence that names the variable, what it is and what it should be (``LEAD``).

Terms follow the project glossary (局部梯度 / 局所的な勾配 / lokaler Gradient …);
German addresses the reader as "Sie", like the German pages.

Longer than 300 lines: a table of data (every message in four languages), no logic.
"""

from __future__ import annotations

from .capstone_messages import CAPSTONE_MESSAGES

__all__ = [
    "AT_CASE",
    "AT_POINT",
    "GATES",
    "HIDDEN",
    "HIDDEN_FACTOR",
    "LANGUAGES",
    "LEAD",
    "MESSAGES",
    "REASONS",
]

LANGUAGES = ("en", "zh", "ja", "de")

LEAD = {
    "en": "`{var}` is {got}, it should be {want}{at}",
    "zh": "{at}`{var}` 的值是 {got}，正确的值是 {want}",
    "ja": "{at}`{var}` は {got} ですが、正しくは {want} です",
    "de": "`{var}` ist {got}, richtig wäre {want}{at}",
}

AT_POINT = {
    "en": " (at {point})",
    "zh": "在 {point} 处，",
    "ja": "{point} のとき、",
    "de": " (bei {point})",
}

# Where an engine's gradient was wrong: an expression, not a point.
AT_CASE = {
    "en": " (for `{case}`)",
    "zh": "对表达式 `{case}`，",
    "ja": "式 `{case}` で、",
    "de": " (bei `{case}`)",
}

# A slip that gives the right number at the given point: why the output looked right there.
HIDDEN = {
    "en": " (at the given point both are {value}, so the output looked right there)",
    "zh": "（在给定的点上两者都是 {value}，所以那里的输出看起来是对的）",
    "ja": "（与えられた点ではどちらも {value} なので、そこでは出力が正しく見えました）",
    "de": " (am vorgegebenen Punkt sind beide {value}, darum sah die Ausgabe dort richtig aus)",
}
# The same for a factor too many that is 1 at the given point.
HIDDEN_FACTOR = {
    "en": " (at the given point `{factor}` is 1, so the output looked right there)",
    "zh": "（在给定的点上 `{factor}` 等于 1，所以那里的输出看起来是对的）",
    "ja": "（与えられた点では `{factor}` が 1 なので、そこでは出力が正しく見えました）",
    "de": " (am vorgegebenen Punkt ist `{factor}` "
    "gleich 1, darum sah die Ausgabe dort richtig aus)",
}

# Gate names as they appear inside sentences ("the output of the {gate}").
GATES: dict[str, dict[str, str]] = {
    "add": {"en": "add gate", "zh": "加法门", "ja": "加算ゲート", "de": "Additionsgatter"},
    "sub": {"en": "subtract gate", "zh": "减法门", "ja": "減算ゲート", "de": "Subtraktionsgatter"},
    "mul": {
        "en": "multiply gate",
        "zh": "乘法门",
        "ja": "乗算ゲート",
        "de": "Multiplikationsgatter",
    },
    "div": {"en": "divide gate", "zh": "除法门", "ja": "除算ゲート", "de": "Divisionsgatter"},
    "max": {"en": "max gate", "zh": "取最大值门", "ja": "max ゲート", "de": "Max-Gatter"},
    "pow": {"en": "power gate", "zh": "幂运算门", "ja": "べき乗ゲート", "de": "Potenzgatter"},
    "neg": {
        "en": "negation gate",
        "zh": "取负门",
        "ja": "符号反転ゲート",
        "de": "Negationsgatter",
    },
    "exp": {"en": "exp gate", "zh": "exp 门", "ja": "exp ゲート", "de": "Exp-Gatter"},
    "log": {"en": "log gate", "zh": "log 门", "ja": "log ゲート", "de": "Log-Gatter"},
    "tanh": {"en": "tanh gate", "zh": "tanh 门", "ja": "tanh ゲート", "de": "tanh-Gatter"},
    "sigmoid": {
        "en": "sigmoid gate",
        "zh": "sigmoid 门",
        "ja": "シグモイドゲート",
        "de": "Sigmoid-Gatter",
    },
    "relu": {"en": "ReLU gate", "zh": "ReLU 门", "ja": "ReLU ゲート", "de": "ReLU-Gatter"},
}

# Why a layer's initial weights are too large or too small ("{why}" in "init-scale").
REASONS: dict[str, dict[str, str]] = {
    "too-large": {
        "en": "Too large: the pre-activations grow with the number of inputs, tanh saturates "
        "and its gradient vanishes.",
        "zh": "太大了：预激活值随输入个数一起变大，tanh 饱和，它的梯度随之消失。",
        "ja": "大きすぎます。活性化関数への入力が入力の数とともに大きくなり、tanh "
        "が飽和して勾配が消えてしまいます。",
        "de": "Zu groß: Die Voraktivierungen wachsen mit der Zahl der Eingaben, tanh sättigt "
        "und sein Gradient verschwindet.",
    },
    "too-small": {
        "en": "Too small: the signal and the gradient shrink at every layer.",
        "zh": "太小了：信号和梯度每经过一层都会变小。",
        "ja": "小さすぎます。信号も勾配も、層を通るたびに小さくなってしまいます。",
        "de": "Zu klein: Signal und Gradient schrumpfen in jeder Schicht.",
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    # --- the verdict "pass" ------------------------------------------------------
    "pass": {
        "en": "Right: every gradient agrees with backprop_core's, at the given point "
        "and at {count} other points.",
        "zh": "正确！在给定的点和另外 {count} 个点上，每个梯度都与 backprop_core 算出的一致。",
        "ja": "正解です。与えられた点とほかの {count} 個の点で、すべての勾配が "
        "backprop_core の計算と一致しました。",
        "de": "Richtig: Jeder Gradient stimmt mit dem von backprop_core überein, am "
        "vorgegebenen Punkt und an {count} weiteren Punkten.",
    },
    # --- the code itself ---------------------------------------------------------
    "syntax-error": {
        "en": "Python cannot read the code (line {line}): {detail}.",
        "zh": "Python 无法解析这段代码（第 {line} 行）：{detail}。",
        "ja": "Python がコードを読めません（{line} 行目）：{detail}。",
        "de": "Python kann den Code nicht lesen (Zeile {line}): {detail}.",
    },
    "raises": {
        "en": "The code stops with {error} (line {line}). Fix that first, then check again.",
        "zh": "代码在第 {line} 行抛出了 {error}。请先修正它，再检查一次。",
        "ja": "コードが {line} 行目で {error} を送出して止まりました。まずそれを直してから、"
        "もう一度確認してください。",
        "de": "Der Code bricht in Zeile {line} mit {error} ab. Beheben Sie das zuerst und "
        "prüfen Sie dann noch einmal.",
    },
    "raises-elsewhere": {
        "en": "The code works at the given point, but with {point} it stops with {error} "
        "(line {line}). A backward pass must work for any input, so the checker tries several.",
        "zh": "代码在给定的点上可以运行，但在 {point} 时，第 {line} 行抛出了 {error}。"
        "反向传播必须对任意输入都成立，所以检查会在多个点上运行它。",
        "ja": "与えられた点ではコードが動きますが、{point} のときは {line} 行目で {error} "
        "を送出して止まります。逆伝播はどんな入力でも動く必要があるので、確認ではいくつもの点で"
        "実行します。",
        "de": "Am vorgegebenen Punkt läuft der Code, aber bei {point} bricht er in Zeile "
        "{line} mit {error} ab. Ein Rückwärtsdurchlauf muss für jede Eingabe funktionieren, "
        "deshalb probiert die Prüfung mehrere Punkte aus.",
    },
    "missing-input": {
        "en": "The checker runs your code at other inputs by changing the numbers that set "
        "`{name}`, and your code never sets `{name}`. Keep `{name} = …` as the starter has it "
        "(Reset brings it back).",
        "zh": "检查程序会修改设置 `{name}` 的数字，在其他输入上运行你的代码，但你的代码里没有设置 "
        "`{name}`。请保留初始代码中的 `{name} = …`（点击“重置”即可恢复）。",
        "ja": "確認では `{name}` を設定する数値を書き換えて、ほかの入力でもコードを実行しますが、"
        "コードのどこにも `{name}` を設定するところがありません。最初のコードにある `{name} = …` "
        "を残してください（「リセット」で元に戻せます）。",
        "de": "Die Prüfung führt Ihren Code mit anderen Eingaben aus, indem sie die Zahlen ändert, "
        "die `{name}` setzen – aber Ihr Code setzt `{name}` nirgends. Lassen Sie `{name} = …` so "
        "stehen wie im Startcode („Zurücksetzen“ stellt ihn wieder her).",
    },
    "missing-variable": {
        "en": "`{var}` is not defined. The exercise asks for it: assign it in your backward pass.",
        "zh": "`{var}` 没有定义。练习要求求出它：请在反向传播中给它赋值。",
        "ja": "`{var}` が定義されていません。この演習で求める値なので、"
        "逆伝播の中で代入してください。",
        "de": "`{var}` ist nicht definiert. Die Aufgabe verlangt diesen Wert: Weisen Sie ihn in "
        "Ihrem Rückwärtsdurchlauf zu.",
    },
    "not-a-number": {
        "en": "`{var}` should be a number, but it is a `{type}`.",
        "zh": "`{var}` 应该是一个数，但它是 `{type}`。",
        "ja": "`{var}` は数値のはずですが、`{type}` になっています。",
        "de": "`{var}` sollte eine Zahl sein, ist aber vom Typ `{type}`.",
    },
    "wrong-length": {
        "en": "`{var}` should hold {want} numbers, one per entry of `{of}`, but it holds {got}.",
        "zh": "`{var}` 应包含 {want} 个数，与 `{of}` 的元素一一对应，但它包含 {got} 个。",
        "ja": "`{var}` には `{of}` の要素ごとに 1 つ、合わせて {want} 個の数値が必要ですが、"
        "{got} 個あります。",
        "de": "`{var}` sollte {want} Zahlen enthalten, eine je Eintrag von `{of}`, enthält aber "
        "{got}.",
    },
    "wrong-shape": {
        "en": "`{var}` should be {want}, the shape of `{of}`, but it is {got}.",
        "zh": "`{var}` 的形状应为 {want}，与 `{of}` 相同，但它是 {got}。",
        "ja": "`{var}` の形状は `{of}` と同じ {want} のはずですが、{got} になっています。",
        "de": "`{var}` sollte die Form {want} haben, die Form von `{of}`, hat aber {got}.",
    },
    "transposed-shape": {
        "en": "`{var}` is {got}, but `{of}` is {want}, and a gradient always has the shape of its "
        "variable. Your product comes out transposed: let the shapes tell you which factor to "
        "transpose and on which side it goes.",
        "zh": "`{var}` 的形状是 {got}，而 `{of}` 是 {want}：梯度的形状总是与它的变量相同。"
        "你的乘积被转置了：用维度分析确定哪个因子需要转置、放在哪一边。",
        "ja": "`{var}` は {got} ですが、`{of}` は {want} です。勾配の形状は、いつも対応する変数と"
        "同じです。積が転置されているので、形状を手がかりに、どの因子を転置してどちら側に置くかを"
        "決めてください。",
        "de": "`{var}` hat die Form {got}, `{of}` aber {want} – und ein Gradient hat immer die "
        "Form seiner Variablen. Ihr Produkt kommt transponiert heraus: Lassen Sie die Formen "
        "entscheiden, welcher Faktor transponiert wird und auf welche Seite er gehört.",
    },
    # --- the forward pass ----------------------------------------------------------
    "forward-wrong": {
        "en": "{lead}. That is a value of the forward pass, and the backward pass is only as "
        "right as the values it reads: restore the forward pass first.",
        "zh": "{lead}。这是前向传播中的值，而反向传播是否正确取决于它读取的这些值："
        "请先恢复前向传播。",
        "ja": "{lead}。これは順伝播の値です。逆伝播は、読み取る値が正しくなければ正しくなりません。"
        "まず順伝播を元に戻してください。",
        "de": "{lead}. Das ist ein Wert des Vorwärtsdurchlaufs, und der Rückwärtsdurchlauf ist "
        "nur so richtig wie die Werte, die er liest: Stellen Sie zuerst den Vorwärtsdurchlauf "
        "wieder her.",
    },
    "one-minus-square": {
        "en": "{lead}. That is 1 − {out}², the local gradient of tanh, not of the sigmoid: "
        "either `1 - {out} * {out}`, which Python reads as `1 - ({out} * {out})`, or tanh's "
        "formula. The sigmoid's local gradient is (1 − {out}) · {out}: `{right}`.",
        "zh": "{lead}。这是 1 − {out}²，即 tanh 的局部梯度，而不是 sigmoid 的：要么是写了 "
        "`1 - {out} * {out}`（Python 会理解为 `1 - ({out} * {out})`），要么是用了 tanh 的公式。"
        "sigmoid 的局部梯度是 (1 − {out}) · {out}：`{right}`。",
        "ja": "{lead}。これは 1 − {out}² で、シグモイドではなく tanh の局所的な勾配です。"
        "`1 - {out} * {out}`（Python は `1 - ({out} * {out})` と解釈します）と書いたか、"
        "tanh の式を使ったかのどちらかです。シグモイドの局所的な勾配は (1 − {out}) · {out}、"
        "つまり `{right}` です。",
        "de": "{lead}. Das ist 1 − {out}², der lokale Gradient von tanh, nicht der des Sigmoids: "
        "Entweder steht da `1 - {out} * {out}`, was Python als `1 - ({out} * {out})` liest, oder "
        "die Formel von tanh. Der lokale Gradient des Sigmoids ist (1 − {out}) · {out}: "
        "`{right}`.",
    },
    "precedence": {
        "en": "{lead}. Operator precedence: Python reads `{wrong}` as `{parsed}`. Put "
        "parentheses around what belongs together: `{right}`.",
        "zh": "{lead}。这是运算符优先级的问题：Python 把 `{wrong}` 理解为 `{parsed}`。"
        "请用括号把属于一起的部分括起来：`{right}`。",
        "ja": "{lead}。演算子の優先順位の問題です。Python は `{wrong}` を `{parsed}` と解釈します。"
        "ひとまとまりの部分を括弧で囲んでください：`{right}`。",
        "de": "{lead}. Eine Frage der Operatorrangfolge: Python liest `{wrong}` als `{parsed}`. "
        "Setzen Sie Klammern um das, was zusammengehört: `{right}`.",
    },
    # --- the backward pass: diagnoses from the signature of the wrong numbers --------
    "activation-as-local-gradient": {
        "en": "{lead}. That is the output `{out}` of the {gate}, not its local gradient. The "
        "backward pass multiplies by the gate's slope, {formula}, which is computed from that "
        "output.",
        "zh": "{lead}。这是{gate}的输出 `{out}`，而不是它的局部梯度。反向传播要乘的是门的斜率 "
        "{formula}，它由这个输出算出。",
        "ja": "{lead}。これは{gate}の出力 `{out}` であって、局所的な勾配ではありません。"
        "逆伝播で掛けるのはゲートの傾き {formula} で、これはその出力から計算します。",
        "de": "{lead}. Das ist die Ausgabe `{out}` des {gate}s, nicht sein lokaler Gradient. Der "
        "Rückwärtsdurchlauf multipliziert mit der Steigung des Gatters, {formula}, und die "
        "berechnet man aus dieser Ausgabe.",
    },
    "preactivation-in-local-gradient": {
        "en": "{lead}. The local gradient {formula} of the {gate} is computed from its output "
        "`{out}`, not from its input `{inp}`.",
        "zh": "{lead}。{gate}的局部梯度 {formula} 要用它的输出 `{out}` 来计算，而不是用它的输入 "
        "`{inp}`。",
        "ja": "{lead}。{gate}の局所的な勾配 {formula} は、入力 `{inp}` ではなく出力 `{out}` "
        "から計算します。",
        "de": "{lead}. Der lokale Gradient {formula} des {gate}s wird aus seiner Ausgabe `{out}` "
        "berechnet, nicht aus seiner Eingabe `{inp}`.",
    },
    "swapped-inputs": {
        "en": "{lead}. The multiply gate `{node}` swaps: each input gets the other input times "
        "the upstream gradient. You used each input's own value.",
        "zh": "{lead}。乘法门 `{node}` 会交换输入：每个输入得到的是另一个输入乘以上游梯度。"
        "你用的却是每个输入自己的值。",
        "ja": "{lead}。乗算ゲート `{node}` では入力が入れ替わります。各入力が受け取るのは、"
        "もう一方の入力と上流の勾配の積です。あなたのコードは各入力自身の値を使っています。",
        "de": "{lead}. Das Multiplikationsgatter "
        "`{node}` vertauscht: Jeder Eingang erhält den Wert "
        "des anderen Eingangs mal den Upstream-Gradienten. Sie haben jeweils den eigenen Wert "
        "des Eingangs verwendet.",
    },
    "max-routing": {
        "en": "{lead}. The max gate `{node}` sends the whole upstream gradient to the larger "
        "input and 0 to the smaller one; yours went the other way.",
        "zh": "{lead}。取最大值门 `{node}` 把上游梯度全部传给较大的输入，较小的输入得到 0；"
        "你的代码正好反了。",
        "ja": "{lead}。max ゲート `{node}` は上流の勾配をすべて大きいほうの入力に渡し、"
        "小さいほうには 0 を渡します。あなたのコードでは逆になっています。",
        "de": "{lead}. Das Max-Gatter `{node}` gibt den ganzen Upstream-Gradienten an den "
        "größeren Eingang weiter und 0 an den kleineren; bei Ihnen ist es umgekehrt.",
    },
    "max-fixed-route": {
        "en": "{lead}. The max gate `{node}` must send the gradient to whichever input is larger "
        "at this point, but your code always sends it to `{inp}`. Compare the inputs in the "
        "backward pass.",
        "zh": "{lead}。取最大值门 `{node}` 应当把梯度传给在当前这个点上较大的那个输入，"
        "而你的代码总是传给 `{inp}`。请在反向传播中比较两个输入。",
        "ja": "{lead}。max ゲート `{node}` は、その点で大きいほうの入力に勾配を渡す必要が"
        "ありますが、あなたのコードはいつも `{inp}` に渡しています。"
        "逆伝播の中で入力を比較してください。",
        "de": "{lead}. Das Max-Gatter `{node}` muss den Gradienten an den Eingang geben, der an "
        "diesem Punkt größer ist; Ihr Code gibt ihn immer an `{inp}`. Vergleichen Sie die "
        "Eingänge im Rückwärtsdurchlauf.",
    },
    "passed-through": {
        "en": "{lead}. You passed the upstream gradient through unchanged, as an add gate does; "
        "the {gate} `{node}` first multiplies it by its local gradient ({local} here).",
        "zh": "{lead}。你把上游梯度原样传了下去，这是加法门的做法；{gate} `{node}` "
        "要先把它乘以自己的局部梯度（这里是 {local}）。",
        "ja": "{lead}。上流の勾配をそのまま渡していますが、それは加算ゲートのやり方です。"
        "{gate} `{node}` では、まず局所的な勾配（ここでは {local}）を掛けます。",
        "de": "{lead}. Sie haben den Upstream-Gradienten unverändert weitergegeben, wie es ein "
        "Additionsgatter tut; das {gate} `{node}` multipliziert ihn zuerst mit seinem lokalen "
        "Gradienten (hier {local}).",
    },
    "fork-overwrite": {
        "en": "{lead}. `{name}` is used {count} times, so its gradient is the sum of {count} "
        "shares ({shares}). Yours lacks some of them: a share was forgotten, or it replaced "
        "what was there (`=`) instead of being added to it (`+=`).",
        "zh": "{lead}。`{name}` 被使用了 {count} 次，所以它的梯度是 {count} 份梯度之和"
        "（{shares}）。你的值少了其中几份：要么漏掉了某一份，要么某一份到达时替换掉了已有的值"
        "（`=`），而不是加上去（`+=`）。",
        "ja": "{lead}。`{name}` は {count} か所で使われているので、その勾配は {count} 個の"
        "寄与の和（{shares}）です。あなたの値にはその一部が欠けています。寄与を 1 つ忘れたか、"
        "寄与が届いたところで、それまでの値に足さずに（`+=`）置き換えています（`=`）。",
        "de": "{lead}. `{name}` wird {count}-mal verwendet, also ist sein Gradient die Summe von "
        "{count} Anteilen ({shares}). Ihrem Wert fehlen einige davon: Ein Anteil wurde "
        "vergessen, oder er hat den bisherigen Wert ersetzt (`=`), statt zu ihm addiert "
        "zu werden (`+=`).",
    },
    "fork-multiplied": {
        "en": "{lead}. `{name}` is used {count} times, so its gradient is the sum of {count} "
        "shares ({shares}). Yours is their product: a share that arrives is added to what is "
        "there (`+=`), not multiplied with it (`*=`).",
        "zh": "{lead}。`{name}` 被使用了 {count} 次，所以它的梯度是 {count} 份梯度之和"
        "（{shares}）。你的值却是它们的乘积：后到的一份要加到已有的值上（`+=`），"
        "而不是与它相乘（`*=`）。",
        "ja": "{lead}。`{name}` は {count} か所で使われているので、その勾配は {count} 個の"
        "寄与の和（{shares}）です。あなたの値はそれらの積になっています。届いた寄与は"
        "それまでの値に足します（`+=`）。掛けるのではありません（`*=`）。",
        "de": "{lead}. `{name}` wird {count}-mal verwendet, also ist sein Gradient die Summe von "
        "{count} Anteilen ({shares}). Ihr Wert ist ihr Produkt: Ein ankommender Anteil wird "
        "zum bisherigen Wert addiert (`+=`), nicht mit ihm multipliziert (`*=`).",
    },
    "missing-upstream": {
        "en": "{lead}. That is the local gradient alone; the chain rule multiplies it by the "
        "upstream gradient, {upstream}.",
        "zh": "{lead}。这只是局部梯度；按照链式法则，还要乘以上游梯度 {upstream}。",
        "ja": "{lead}。これは局所的な勾配だけです。連鎖律に従って、上流の勾配 {upstream} "
        "を掛けてください。",
        "de": "{lead}. Das ist nur der lokale Gradient; die Kettenregel multipliziert ihn mit "
        "dem Upstream-Gradienten {upstream}.",
    },
    "sign": {
        "en": "{lead}. The size is right, the sign is not: look for a minus sign lost or added "
        "on its path (division and subtraction have negative local gradients).",
        "zh": "{lead}。大小对了，符号错了：检查它的路径上是不是丢了或多了一个负号"
        "（除法和减法的局部梯度是负的）。",
        "ja": "{lead}。大きさは合っていますが、符号が逆です。経路の途中でマイナス記号が抜けたり"
        "余分に付いたりしていないか確認してください（除算と減算の局所的な勾配は負になります）。",
        "de": "{lead}. Der Betrag stimmt, das Vorzeichen nicht: Suchen Sie auf seinem Pfad nach "
        "einem verlorenen oder zusätzlichen Minuszeichen (Division und Subtraktion haben "
        "negative lokale Gradienten).",
    },
    "transposed": {
        "en": "{lead}. Your `{matrix}` holds the right numbers in the wrong places: it is the "
        "transpose of the gradient of `{of}`. With square matrices the shapes cannot catch "
        "this; the numbers can.",
        "zh": "{lead}。你的 `{matrix}` 里的数都对，位置却错了：它是 `{of}` 的梯度的转置。"
        "对方阵来说，形状发现不了这种错误，数值可以。",
        "ja": "{lead}。`{matrix}` の数値は正しいのですが、位置が違います。`{of}` の勾配を転置した"
        "ものになっています。正方行列では形状からはこの誤りがわかりません。数値ならわかります。",
        "de": "{lead}. Ihr `{matrix}` enthält die richtigen Zahlen an den falschen Stellen: Es "
        "ist die Transponierte des Gradienten von `{of}`. Bei quadratischen Matrizen fällt das "
        "an den Formen nicht auf, an den Zahlen schon.",
    },
    "vjp-formula": {
        "en": "{lead}. Your `ds` is {wrong}, entry by entry. The softmax layer's "
        "vector–Jacobian product is p ⊙ (dp − dp·p): the Jacobian's diagonal gives pᵢ·dpᵢ, its "
        "−ppᵀ part takes pᵢ·(dp·p) away, with dp·p = Σⱼ dpⱼ·pⱼ.",
        "zh": "{lead}。你的 `ds` 逐个元素来看是 {wrong}。softmax 层的向量-雅可比积是 "
        "p ⊙ (dp − dp·p)：雅可比矩阵的对角线给出 pᵢ·dpᵢ，−ppᵀ 部分再减去 pᵢ·(dp·p)，"
        "其中 dp·p = Σⱼ dpⱼ·pⱼ。",
        "ja": "{lead}。あなたの `ds` は要素ごとに見ると {wrong} です。ソフトマックス層の"
        "ベクトル・ヤコビ積は p ⊙ (dp − dp·p) です。ヤコビ行列の対角成分が pᵢ·dpᵢ を与え、"
        "−ppᵀ の部分が pᵢ·(dp·p) を引きます。ここで dp·p = Σⱼ dpⱼ·pⱼ です。",
        "de": "{lead}. Ihr `ds` ist Eintrag für Eintrag {wrong}. Das Vektor-Jacobi-Produkt der "
        "Softmax-Schicht ist p ⊙ (dp − dp·p): Die Diagonale der Jacobi-Matrix liefert pᵢ·dpᵢ, "
        "ihr Teil −ppᵀ zieht pᵢ·(dp·p) ab, mit dp·p = Σⱼ dpⱼ·pⱼ.",
    },
    "wrong-transpose": {
        "en": "{lead}. `{matrix}` has the right shape, but its entries are those of `{wrong}`; "
        "the gradient is `{right}`. With square matrices both products have the same shape: "
        "only the numbers tell them apart.",
        "zh": "{lead}。`{matrix}` 的形状是对的，但它的元素来自 `{wrong}`；梯度应为 `{right}`。"
        "对方阵来说，两个乘积的形状相同，只有数值能把它们区分开。",
        "ja": "{lead}。`{matrix}` の形状は正しいのですが、要素は `{wrong}` のものです。"
        "勾配は `{right}` です。正方行列ではどちらの積も同じ形状になるので、"
        "数値でしか区別できません。",
        "de": "{lead}. `{matrix}` hat die richtige Form, aber die Einträge von `{wrong}`; der "
        "Gradient ist `{right}`. Bei quadratischen Matrizen haben beide Produkte dieselbe "
        "Form – nur die Zahlen unterscheiden sie.",
    },
    "stale-gradient": {
        "en": "{lead}: an old gradient is still in it (an extra {extra}). `backward()` adds to "
        "`.grad`, so what an earlier `backward()` left there stays; call `zero_grad()` before "
        "the next `backward()`.",
        "zh": "{lead}：里面还留着一个旧的梯度（多出了 {extra}）。`backward()` 会累加到 `.grad` "
        "上，之前的 `backward()` 留下的值不会消失；请在下一次 `backward()` 之前调用 "
        "`zero_grad()`。",
        "ja": "{lead}。古い勾配が残っています（{extra} だけ余分です）。`backward()` は `.grad` "
        "に足し込むので、前の `backward()` が残した値は消えません。次の `backward()` の前に "
        "`zero_grad()` を呼んでください。",
        "de": "{lead}: Darin steckt noch ein alter Gradient (zusätzlich {extra}). `backward()` "
        "addiert zu `.grad`, also bleibt stehen, was ein früheres `backward()` hinterlassen "
        "hat; rufen Sie vor dem nächsten `backward()` `zero_grad()` auf.",
    },
    # --- an engine's backward() (page build-your-own) ---------------------------------
    "pass-engine": {
        "en": "Right: your `backward()` gives the same gradients as backprop_core on all "
        "{count} expressions, among them reused inner nodes and a chain {depth} gates deep.",
        "zh": "正确！在全部 {count} 个表达式上，你的 `backward()` 都给出了与 backprop_core "
        "相同的梯度，其中有被重复使用的内部节点，也有一条 {depth} 个门深的链。",
        "ja": "正解です。{count} 個の式すべてで、あなたの `backward()` は backprop_core "
        "と同じ勾配を返しました。2 回使われる内部のノードや、ゲート {depth} 個ぶんの深さの鎖も"
        "含まれています。",
        "de": "Richtig: Ihr `backward()` liefert bei allen {count} Ausdrücken die Gradienten "
        "von backprop_core, darunter mehrfach verwendete innere Knoten und eine Kette aus "
        "{depth} Gattern.",
    },
    "unseeded-output": {
        "en": "{lead}. Every gradient stays 0 because the output's own gradient does: the "
        "backward pass starts from d(out)/d(out) = 1. Set `self.grad = 1.0` before the loop.",
        "zh": "{lead}。所有梯度都是 0，因为输出自己的梯度就是 0：反向传播要从 "
        "d(out)/d(out) = 1 出发。请在循环之前写上 `self.grad = 1.0`。",
        "ja": "{lead}。出力自身の勾配が 0 のままなので、すべての勾配が 0 になっています。"
        "逆伝播は d(out)/d(out) = 1 から始まります。ループの前に `self.grad = 1.0` "
        "を書いてください。",
        "de": "{lead}. Alle Gradienten bleiben 0, weil der Gradient des Ausgangs selbst 0 "
        "bleibt: Der Rückwärtsdurchlauf beginnt mit d(out)/d(out) = 1. Setzen Sie vor der "
        "Schleife `self.grad = 1.0`.",
    },
    "wrong-order": {
        "en": "{lead}. A node passed its gradient on before it had received all of it, or "
        "passed it on more than once. Each node may pass it on once, after every node that "
        "uses it has added its share: walk the topological order backwards, "
        "`for node in reversed(order)`.",
        "zh": "{lead}。有一个节点在收齐梯度之前就把它传了下去，或者传了不止一次。"
        "每个节点只能传一次，而且要等所有用到它的节点都把自己那一份加进来之后："
        "请沿拓扑序倒着走，`for node in reversed(order)`。",
        "ja": "{lead}。あるノードが、勾配をすべて受け取る前にそれを渡しているか、"
        "2 回以上渡しています。各ノードが勾配を渡すのは 1 回だけで、それを使うすべてのノードが"
        "自分の分を足し終えたあとです。トポロジカル順序を逆向きにたどってください："
        "`for node in reversed(order)`。",
        "de": "{lead}. Ein Knoten hat seinen Gradienten weitergegeben, bevor er ihn vollständig "
        "erhalten hatte, oder mehr als einmal. Jeder Knoten darf ihn nur einmal weitergeben, "
        "nachdem jeder Knoten, der ihn verwendet, seinen Anteil addiert hat: Durchlaufen Sie "
        "die topologische Sortierung rückwärts, `for node in reversed(order)`.",
    },
    "engine-rule": {
        "en": "{lead}. Your `backward()` walks the graph in a right order, but what it adds to "
        "each input is not local gradient × the node's gradient: your numbers are those of "
        "`{rule}`. The chain "
        "rule is `inp.grad += local * node.grad`.",
        "zh": "{lead}。你的 `backward()` 遍历图的顺序是对的，但加到每个输入上的不是"
        "局部梯度 × 该节点的梯度：你的数值正是 `{rule}` 给出的。链式法则是 "
        "`inp.grad += local * node.grad`。",
        "ja": "{lead}。`backward()` がグラフをたどる順序は正しいのですが、各入力に足しているのが"
        "局所的な勾配 × そのノードの勾配になっていません。あなたの数値は `{rule}` "
        "のものと同じです。"
        "連鎖律は `inp.grad += local * node.grad` です。",
        "de": "{lead}. Ihr `backward()` durchläuft den Graphen in einer richtigen Reihenfolge, "
        "addiert aber zu jedem Eingang nicht lokaler Gradient × Gradient des Knotens: Ihre "
        "Zahlen sind die von `{rule}`. Die Kettenregel lautet `inp.grad += local * node.grad`.",
    },
    "short-order": {
        "en": "{lead}. `topological_order` returns {count} of the {total} nodes of this graph, so "
        "`backward()` never reaches the others. Every node must be in the order once, after all "
        "the nodes it was computed from.",
        "zh": "{lead}。`topological_order` 只返回了这个图的 {total} 个节点中的 {count} 个，"
        "所以 `backward()` 永远到不了其余的节点。每个节点都必须在序列里出现一次，"
        "并且排在计算它所用的所有节点之后。",
        "ja": "{lead}。`topological_order` がこのグラフの {total} 個のノードのうち {count} "
        "個しか返さないので、`backward()` "
        "は残りのノードに届きません。どのノードも順序の中に 1 回ずつ、"
        "それを計算するのに使ったすべてのノードのあとに入れてください。",
        "de": "{lead}. `topological_order` liefert {count} der {total} Knoten dieses Graphen, also "
        "erreicht `backward()` die übrigen nie. Jeder Knoten muss genau einmal in der Reihenfolge "
        "stehen, nach allen Knoten, aus denen er berechnet wurde.",
    },
    "engine-seed": {
        "en": "{lead}. Every gradient of every expression is {ratio} times the right one: the "
        "backward pass starts from the output's own gradient, d(out)/d(out) = 1. Set "
        "`self.grad = 1.0` before the loop.",
        "zh": "{lead}。每个表达式的每个梯度都是正确值的 {ratio} 倍：反向传播要从输出自己的梯度 "
        "d(out)/d(out) = 1 出发。请在循环之前写上 `self.grad = 1.0`。",
        "ja": "{lead}。どの式のどの勾配も、正しい値の {ratio} 倍になっています。逆伝播は出力自身の"
        "勾配 d(out)/d(out) = 1 から始まります。ループの前に `self.grad = 1.0` を書いてください。",
        "de": "{lead}. Jeder Gradient jedes Ausdrucks ist das {ratio}-Fache des richtigen: Der "
        "Rückwärtsdurchlauf beginnt mit dem Gradienten des Ausgangs selbst, d(out)/d(out) = 1. "
        "Setzen Sie vor der Schleife `self.grad = 1.0`.",
    },
    "recursion-too-deep": {
        "en": "On a chain {depth} gates deep your code stops with `RecursionError`: a recursive "
        "function needs one Python frame per level of the graph, and Python allows about a "
        "thousand. Use a loop with an explicit stack (a list of nodes still to visit) instead.",
        "zh": "在一条 {depth} 个门深的链上，你的代码抛出了 `RecursionError`：递归函数在图的"
        "每一层都需要一个 Python 栈帧，而 Python 只允许大约一千个。请改用循环和显式栈"
        "（一个存放待访问节点的列表）。",
        "ja": "ゲート {depth} 個ぶんの深さの鎖で、コードが `RecursionError` を出して止まりました。"
        "再帰関数はグラフの 1 段ごとに Python のスタックフレームを 1 つ使い、Python が許すのは"
        "およそ 1000 個です。代わりに、明示的なスタック（これから訪れるノードのリスト）を使う"
        "ループにしてください。",
        "de": "Bei einer Kette aus {depth} Gattern bricht Ihr Code mit `RecursionError` ab: Eine "
        "rekursive Funktion braucht pro Ebene des Graphen einen Stackframe, und Python "
        "erlaubt etwa tausend. Verwenden Sie stattdessen eine Schleife mit einem expliziten "
        "Stapel (einer Liste der noch zu besuchenden Knoten).",
    },
    # --- a layer's initial weights (page deep-networks) -------------------------------
    "pass-init": {
        "en": "Right: for layers of {count} sizes your weights are scaled to the fan-in, and "
        "after {steps} training steps the hidden neurons still all have different weights.",
        "zh": "正确！对 {count} 种大小的层，你的权重都按扇入做了缩放；训练 {steps} 步之后，"
        "各个隐藏神经元的权重仍然互不相同。",
        "ja": "正解です。{count} 通りの大きさの層で、重みは入力の数（ファンイン）に合わせた"
        "スケールになっていて、{steps} ステップ学習したあとも隠れ層のニューロンの重みは"
        "すべて異なります。",
        "de": "Richtig: Bei Schichten in {count} Größen sind Ihre Gewichte auf den Fan-in "
        "skaliert, und nach {steps} Trainingsschritten haben die verdeckten Neuronen "
        "weiterhin alle verschiedene Gewichte.",
    },
    "symmetric-init": {
        "en": "In `{call}`, neurons {i} and {j} start with the same weights, and after {steps} "
        "training steps they are still identical ({row}): their gradients are equal, so they "
        "take the same steps and never become different. Draw every weight at random with "
        "`rng`, each neuron its own.",
        "zh": "在 `{call}` 中，神经元 {i} 和 {j} 的初始权重相同，训练 {steps} 步之后仍然完全"
        "一样（{row}）：它们的梯度相等，所以每一步都走得一样，永远不会变得不同。"
        "请用 `rng` 随机抽取每个权重，每个神经元各抽各的。",
        "ja": "`{call}` では、ニューロン {i} と {j} が同じ重みから始まり、{steps} ステップ"
        "学習したあとも同じままです（{row}）。勾配が等しいので同じ 1 歩を進み、いつまでも"
        "違いが生まれません。どの重みも `rng` でランダムに、ニューロンごとに別々に"
        "選んでください。",
        "de": "In `{call}` beginnen die Neuronen {i} und {j} mit denselben Gewichten und sind "
        "nach {steps} Trainingsschritten immer noch gleich ({row}): Ihre Gradienten sind "
        "gleich, also machen sie dieselben Schritte und werden nie verschieden. Ziehen Sie "
        "jedes Gewicht zufällig mit `rng`, für jedes Neuron eigene.",
    },
    "near-symmetric-init": {
        "en": "In `{call}`, neurons {i} and {j} start almost alike: their weights differ by at "
        "most {gap}, while the layer's weights spread by about {spread}. Their gradients are "
        "almost equal too, so they stay almost alike for hundreds of training steps: the "
        "symmetry is hardly broken. Draw every weight on its own with `rng`.",
        "zh": "在 `{call}` 中，神经元 {i} 和 {j} 的初始权重几乎相同：它们最多相差 {gap}，"
        "而这一层的权重大约分布在 {spread} 的范围内。它们的梯度也几乎相等，"
        "所以在几百步训练里都几乎一样：对称性几乎没有被打破。请用 `rng` 单独抽取每一个权重。",
        "ja": "`{call}` では、ニューロン {i} と {j} がほとんど同じ重みから始まります。差は最大でも "
        "{gap} で、この層の重みの広がりはおよそ {spread} です。勾配もほとんど等しいので、"
        "何百ステップ学習してもほとんど同じままです。対称性がほとんど破れていません。"
        "どの重みも `rng` で一つずつ選んでください。",
        "de": "In `{call}` beginnen die Neuronen {i} und {j} fast gleich: Ihre Gewichte "
        "unterscheiden sich höchstens um {gap}, während die Gewichte der Schicht um etwa "
        "{spread} streuen. Auch ihre Gradienten sind fast gleich, also bleiben sie Hunderte "
        "Trainingsschritte lang fast gleich: Die Symmetrie ist kaum gebrochen. Ziehen Sie jedes "
        "Gewicht einzeln mit `rng`.",
    },
    "init-mean": {
        "en": "`{call}` gives weights whose mean is {mean}, large next to their spread {spread}: "
        "they are not centred on 0, so the neurons of a layer all lean the same way. Draw them "
        "symmetrically around 0, e.g. `rng.uniform(-s, s)`.",
        "zh": "`{call}` 给出的权重平均值是 {mean}，相对于它们的分散程度 {spread} 来说太大了："
        "权重没有以 0 为中心，同一层的神经元都偏向同一个方向。请在 0 的两侧对称地抽取，"
        "例如 `rng.uniform(-s, s)`。",
        "ja": "`{call}` の重みの平均は {mean} で、広がり {spread} に比べて大きすぎます。"
        "重みが 0 を中心にしていないので、層のニューロンがみな同じ向きに偏ります。"
        "0 の両側に対称に選んでください（たとえば `rng.uniform(-s, s)`）。",
        "de": "`{call}` liefert Gewichte mit dem Mittelwert {mean}, groß im Vergleich zu ihrer "
        "Streuung {spread}: Sie sind nicht um 0 zentriert, also neigen sich alle Neuronen "
        "einer Schicht in dieselbe Richtung. Ziehen Sie sie symmetrisch um 0, etwa mit "
        "`rng.uniform(-s, s)`.",
    },
    "init-scale": {
        "en": "`{call}` gives weights with a standard deviation of {got} for {n} inputs per "
        "neuron; scaled to the fan-in it should be about 1/√{n} = {want}. {why} Use "
        "`rng.uniform(-s, s)` with `s = math.sqrt(3 / n_in)` (LeCun).",
        "zh": "`{call}` 给出的权重标准差是 {got}，而每个神经元有 {n} 个输入；按扇入缩放，"
        "它应该约为 1/√{n} = {want}。{why}请使用 `rng.uniform(-s, s)`，其中 "
        "`s = math.sqrt(3 / n_in)`（LeCun）。",
        "ja": "`{call}` の重みの標準偏差は {got} ですが、ニューロン 1 つあたりの入力は {n} 個です。"
        "入力の数に合わせたスケールなら、およそ 1/√{n} = {want} のはずです。{why}"
        "`s = math.sqrt(3 / n_in)` として `rng.uniform(-s, s)` を使ってください（LeCun）。",
        "de": "`{call}` liefert Gewichte mit einer Standardabweichung von {got} bei {n} "
        "Eingaben je Neuron; auf den Fan-in skaliert wäre sie etwa 1/√{n} = {want}. {why} "
        "Verwenden Sie `rng.uniform(-s, s)` mit `s = math.sqrt(3 / n_in)` (LeCun).",
    },
    "init-fan-out": {
        "en": "`{call}` gives weights with a standard deviation of {got}, about 1/√{n_out} = "
        "{by_out}: scaled to the number of neurons, n_out = {n_out}. The scale belongs to the "
        "fan-in, the number of inputs each neuron adds up, n_in = {n}: about 1/√{n} = {want}. "
        "Use `rng.uniform(-s, s)` with `s = math.sqrt(3 / n_in)` (LeCun).",
        "zh": "`{call}` 给出的权重标准差是 {got}，约为 1/√{n_out} = {by_out}：你是按神经元的个数 "
        "n_out = {n_out} 缩放的。缩放应当依据扇入，即每个神经元要累加的输入个数 n_in = {n}："
        "约为 1/√{n} = {want}。请使用 `rng.uniform(-s, s)`，其中 "
        "`s = math.sqrt(3 / n_in)`（LeCun）。",
        "ja": "`{call}` の重みの標準偏差は {got} で、およそ 1/√{n_out} = {by_out} です。"
        "ニューロンの数 n_out = {n_out} に合わせてスケールしています。スケールを決めるのは"
        "ファンイン、つまり各ニューロンが足し合わせる入力の数 n_in = {n} で、およそ "
        "1/√{n} = {want} のはずです。`s = math.sqrt(3 / n_in)` として `rng.uniform(-s, s)` "
        "を使ってください（LeCun）。",
        "de": "`{call}` liefert Gewichte mit einer Standardabweichung von {got}, etwa "
        "1/√{n_out} = {by_out}: skaliert auf die Zahl der Neuronen, n_out = {n_out}. Die "
        "Skala richtet sich aber nach dem Fan-in, der Zahl der Eingaben, die jedes Neuron "
        "aufsummiert, n_in = {n}: etwa 1/√{n} = {want}. Verwenden Sie `rng.uniform(-s, s)` "
        "mit `s = math.sqrt(3 / n_in)` (LeCun).",
    },
    "init-shape": {
        "en": "`{call}` should return {rows} rows (one per neuron) of {cols} weights each, "
        "but it returns {got}. The checker asks for layers of several sizes: build the rows "
        "from `n_in` and `n_out` instead of typing in numbers.",
        "zh": "`{call}` 应当返回 {rows} 行（每个神经元一行），每行 {cols} 个权重，但它返回的是 "
        "{got}。检查程序会要几种不同大小的层：请根据 `n_in` 和 `n_out` 生成这些行，"
        "而不是直接填数字。",
        "ja": "`{call}` は、{cols} 個の重みからなる行を {rows} 行（ニューロンごとに 1 行）"
        "返すはずですが、{got} を返しています。確認ではいくつかの大きさの層を作らせるので、"
        "数値を直接書くのではなく、`n_in` と `n_out` から行を作ってください。",
        "de": "`{call}` sollte {rows} Zeilen (eine je Neuron) mit je {cols} Gewichten "
        "zurückgeben, gibt aber {got} zurück. Die Prüfung verlangt Schichten in mehreren "
        "Größen: Bilden Sie die Zeilen aus `n_in` und `n_out`, statt Zahlen einzutippen.",
    },
    # --- a gradient that is no number at all ------------------------------------------
    "not-finite": {
        "en": "`{var}` is {got}. A gradient is a finite number: look for a division by 0, an "
        'overflow, or `float("{got}")` on its way.',
        "zh": "`{var}` 是 {got}。梯度应当是有限的数：检查它的计算中有没有除以 0、溢出，"
        '或者 `float("{got}")`。',
        "ja": "`{var}` が {got} になっています。勾配は有限の数です。途中に 0 での割り算や"
        'オーバーフロー、`float("{got}")` がないか確認してください。',
        "de": "`{var}` ist {got}. Ein Gradient ist eine endliche Zahl: Suchen Sie auf seinem Weg "
        'nach einer Division durch 0, einem Überlauf oder `float("{got}")`.',
    },
    "too-large": {
        "en": "`{var}` is an integer too large for a float. A gradient is an ordinary number: "
        "compute it from the forward values.",
        "zh": "`{var}` 是一个大到无法转换为浮点数的整数。"
        "梯度是普通的数：请用前向传播的值把它算出来。",
        "ja": "`{var}` は浮動小数点数に変換できないほど大きな整数です。勾配はふつうの数です。"
        "順伝播の値から計算してください。",
        "de": "`{var}` ist eine ganze Zahl, zu groß für eine Gleitkommazahl. Ein Gradient ist "
        "eine gewöhnliche Zahl: Berechnen Sie ihn aus den Werten des Vorwärtsdurchlaufs.",
    },
    # --- the reader's own variables reproduce the wrong number -----------------------------
    "variable-slip": {
        "en": "{lead}. It uses `{used}` where `{right}` belongs{hidden}.",
        "zh": "{lead}。在应该用 `{right}` 的地方，你用了 `{used}`{hidden}。",
        "ja": "{lead}。`{right}` を使うべきところで `{used}` を使っています{hidden}。",
        "de": "{lead}. Es verwendet `{used}`, wo `{right}` hingehört{hidden}.",
    },
    "forward-for-gradient": {
        "en": "{lead}. It multiplies by `{used}`, a value of the forward pass, where the "
        "gradient `{right}` belongs{hidden}. The chain rule multiplies each local gradient by "
        "the upstream gradient, the gradient arriving from the output.",
        "zh": "{lead}。在应该乘梯度 `{right}` 的地方，你乘的是前向传播的值 `{used}`{hidden}。"
        "链式法则是用局部梯度乘以上游梯度，也就是从输出传回来的梯度。",
        "ja": "{lead}。勾配 `{right}` を掛けるべきところで、順伝播の値 `{used}` を掛けています"
        "{hidden}。連鎖律では、局所的な勾配に上流の勾配（出力から伝わってきた勾配）を掛けます。",
        "de": "{lead}. Es multipliziert mit `{used}`, einem Wert des Vorwärtsdurchlaufs, wo der "
        "Gradient `{right}` hingehört{hidden}. Die Kettenregel multipliziert jeden lokalen "
        "Gradienten mit dem Upstream-Gradienten, dem Gradienten, der vom Ausgang ankommt.",
    },
    "bias-gradient": {
        "en": "{lead}. It uses `{used}` where `{right}` belongs. `{bias}` is the bias: it is "
        "added to the weighted sum like a weight whose input is always 1, so its local gradient "
        "is 1 and its gradient is 1 × the upstream gradient {upstream}.",
        "zh": "{lead}。在应该用 `{right}` 的地方，你用了 `{used}`。`{bias}` 是偏置：它像一个输入"
        "恒为 1 的权重一样被加到加权和上，所以它的局部梯度是 1，梯度就是 1 × 上游梯度 {upstream}。",
        "ja": "{lead}。`{right}` を使うべきところで `{used}` "
        "を使っています。`{bias}` はバイアスです。"
        "入力がいつも 1 の重みのように重み付き和に足されるので、局所的な勾配は 1、"
        "勾配は 1 × 上流の勾配 {upstream} です。",
        "de": "{lead}. Es verwendet `{used}`, wo `{right}` hingehört. `{bias}` ist der Bias: Er "
        "wird zur gewichteten Summe addiert wie ein Gewicht, dessen Eingang immer 1 ist; sein "
        "lokaler Gradient ist also 1 und sein Gradient 1 × der Upstream-Gradient {upstream}.",
    },
    "extra-factor": {
        "en": "{lead}. It has a factor `{factor}` too many: without it, it would be right{hidden}.",
        "zh": "{lead}。它多乘了一个因子 `{factor}`：去掉它就对了{hidden}。",
        "ja": "{lead}。余分な因子 `{factor}` が掛かっています。"
        "それがなければ正しくなります{hidden}。",
        "de": "{lead}. Es enthält einen Faktor "
        "`{factor}` zu viel: ohne ihn wäre es richtig{hidden}.",
    },
    "missing-factor": {
        "en": "{lead}. It lacks a factor `{factor}`: multiplied by `{factor}`, it would be right.",
        "zh": "{lead}。它少乘了一个因子 `{factor}`：乘上 `{factor}` 就对了。",
        "ja": "{lead}。因子 `{factor}` が足りません。`{factor}` を掛ければ正しくなります。",
        "de": "{lead}. Es fehlt ein Faktor `{factor}`: mit `{factor}` multipliziert wäre es "
        "richtig.",
    },
    "added-not-multiplied": {
        "en": "{lead}. It adds the local gradient ({local}) and the upstream gradient "
        "({upstream}); the chain rule multiplies them: local gradient × upstream gradient.",
        "zh": "{lead}。你把局部梯度（{local}）和上游梯度（{upstream}）加了起来；"
        "链式法则要求把它们相乘：局部梯度 × 上游梯度。",
        "ja": "{lead}。局所的な勾配（{local}）と上流の勾配（{upstream}）を足しています。"
        "連鎖律では掛け合わせます。局所的な勾配 × 上流の勾配です。",
        "de": "{lead}. Es addiert den lokalen Gradienten ({local}) und den Upstream-Gradienten "
        "({upstream}); die Kettenregel multipliziert sie: lokaler Gradient × "
        "Upstream-Gradient.",
    },
    "share-twice": {
        "en": "{lead}. One share ({share}) is counted twice: each use of a variable adds its "
        "share to the gradient once.",
        "zh": "{lead}。有一份梯度（{share}）被加了两次：变量的每一次使用只把自己那一份加一次。",
        "ja": "{lead}。ある寄与（{share}）を 2 回数えています。変数が使われるたびに、"
        "その寄与を 1 回だけ勾配に足します。",
        "de": "{lead}. Ein Anteil ({share}) ist doppelt gezählt: Jede Verwendung einer Variablen "
        "addiert ihren Anteil genau einmal zum Gradienten.",
    },
    "share-sign": {
        "en": "{lead}. One share of it ({share}) has the wrong sign: look for a minus sign lost or "
        "added in that share.",
        "zh": "{lead}。其中一份梯度（{share}）的符号错了：检查那一份里是不是丢了或多了一个负号。",
        "ja": "{lead}。その中の一つの寄与（{share}）の符号が逆です。その寄与の計算で"
        "マイナス記号が抜けたり余分に付いたりしていないか確認してください。",
        "de": "{lead}. Ein Anteil davon ({share}) hat das falsche Vorzeichen: Suchen Sie in diesem "
        "Anteil nach einem verlorenen oder zusätzlichen Minuszeichen.",
    },
    "left-at-zero": {
        "en": "{lead}, at every point: {names} stays 0 whatever the inputs, as in the starter. "
        "Write those lines of the backward pass as local gradient × upstream gradient; here "
        "that product is not 0.",
        "zh": "{lead}，而且在每个点上都是：不管输入是什么，{names} 都是 0，和初始代码里一样。"
        "请把反向传播中的这几行写成 局部梯度 × 上游梯度；在这里这个乘积不是 0。",
        "ja": "{lead}。どの点でも同じで、{names} は入力によらず 0 のまま、最初のコードと同じ"
        "です。逆伝播のその行を 局所的な勾配 × 上流の勾配 として書いてください。ここでは"
        "この積は 0 になりません。",
        "de": "{lead}, und zwar an jedem Punkt: {names} bleibt 0, welche Eingaben auch immer, "
        "wie im Startcode. Schreiben Sie diese Zeilen des Rückwärtsdurchlaufs als lokalen "
        "Gradienten × Upstream-Gradient; hier ist dieses Produkt nicht 0.",
    },
    # --- backward() and zero_grad() in the wrong order -------------------------------------
    "read-before-backward": {
        "en": "{lead}. Line {read} reads the gradients from `.grad` before `backward()` runs on "
        "line {backward}: what it reads is what was there before. Read them after "
        "`backward()`.",
        "zh": "{lead}。第 {read} 行从 `.grad` 读取梯度，但 "
        "`backward()` 要到第 {backward} 行才运行："
        "读到的是之前留下的值。请在 `backward()` 之后再读取。",
        "ja": "{lead}。{read} 行目で `.grad` から勾配を読んでいますが、`backward()` が動くのは "
        "{backward} 行目です。読んだのはそれ以前に入っていた値です。`backward()` "
        "のあとで読んでください。",
        "de": "{lead}. Zeile {read} liest die Gradienten aus `.grad`, bevor `backward()` in Zeile "
        "{backward} läuft: Sie liest, was vorher darin stand. Lesen Sie sie nach "
        "`backward()`.",
    },
    "zeroed-after-backward": {
        "en": "{lead}. `zero_grad()` on line {zero} runs after `backward()` on line {backward} and "
        "sets the gradients it computed back to 0 before line {read} reads them. Call "
        "`zero_grad()` before `backward()`.",
        "zh": "{lead}。第 {zero} 行的 `zero_grad()` 在第 {backward} 行的 `backward()` 之后运行，"
        "在第 {read} 行读取之前就把算好的梯度清零了。请在 `backward()` 之前调用 `zero_grad()`。",
        "ja": "{lead}。{zero} 行目の `zero_grad()` が {backward} 行目の `backward()` のあとに動き、"
        "{read} 行目で読む前に、計算した勾配を 0 に戻しています。`zero_grad()` は "
        "`backward()` の前に呼んでください。",
        "de": "{lead}. `zero_grad()` in Zeile {zero} läuft nach `backward()` in Zeile {backward} "
        "und setzt die berechneten Gradienten auf 0 zurück, bevor Zeile {read} sie liest. Rufen "
        "Sie `zero_grad()` vor `backward()` auf.",
    },
    # --- the checker could not move an input ------------------------------------------------
    "inputs-pinned": {
        "en": "{lead}. It is right at the given point only. The checker moves `{name}` right "
        "after your line {line}, because it finds no numbers there to change; what your "
        "gradients use stays at the given numbers, so it must come from elsewhere. Write the "
        "numbers of `{name}` into the line that sets it (`{name} = …`, as in the starter) and "
        "compute everything from `{name}`.",
        "zh": "{lead}。它只在给定的点上是对的。检查程序在你的第 {line} 行之后才修改 `{name}`，"
        "因为那一行里没有可以替换的数字；而你的梯度用到的值一直停留在给定的数字上，"
        "所以它们来自别处。请把 `{name}` 的数字直接写进设置它的那一行（像初始代码那样写 "
        "`{name} = …`），并且一切都从 `{name}` 算起。",
        "ja": "{lead}。正しいのは与えられた点だけです。確認では {line} 行目の直後で `{name}` "
        "を変えます。その行には書き換えられる数値がないからです。勾配が使う値は与えられた数値の"
        "ままなので、別のところから来ています。`{name}` の数値は、それを設定する行に直接"
        "書いてください（最初のコードと同じ `{name} = …`）。そしてすべてを `{name}` "
        "から計算してください。",
        "de": "{lead}. Er stimmt nur am vorgegebenen Punkt. Die Prüfung ändert `{name}` direkt "
        "nach Ihrer Zeile {line}, weil sie dort keine Zahlen zum Ändern findet; was Ihre "
        "Gradienten verwenden, bleibt bei den vorgegebenen Zahlen, kommt also von anderswo. "
        "Schreiben Sie die Zahlen von `{name}` in die Zeile, die es setzt (`{name} = …` wie im "
        "Startcode), und berechnen Sie alles aus `{name}`.",
    },
    # --- the checker itself failed (a bug) ----------------------------------------------------
    "checker-failed": {
        "en": "The checker itself failed on this code (a bug in the checker, not in your code); "
        "run your code to see its output, and please report it.",
        "zh": "检查程序在这段代码上自身出错了（这是检查程序的问题，不是你的代码的问题）；"
        "请运行代码查看输出，并报告这个问题。",
        "ja": "このコードで確認の仕組みそのものがエラーになりました（あなたのコードではなく、"
        "確認側の不具合です）。コードを実行して出力を確かめ、不具合を報告してください。",
        "de": "Die Prüfung selbst ist an diesem Code gescheitert (ein Fehler der Prüfung, nicht "
        "Ihres Codes); führen Sie den Code aus, um seine Ausgabe zu sehen, und melden Sie "
        "den Fehler bitte.",
    },
    # --- when no single mistake explains the numbers --------------------------------
    "wrong-factor": {
        "en": "{lead}. Every wrong gradient is off by the same factor ({ratio} here): look at a "
        "factor they all share, such as an upstream gradient or a local gradient near the "
        "output.",
        "zh": "{lead}。所有错误的梯度都差了同一个倍数（这里是 {ratio}）：检查它们共有的因子，"
        "例如某个上游梯度，或靠近输出的某个局部梯度。",
        "ja": "{lead}。間違っている勾配は、すべて同じ倍率（ここでは {ratio}）だけずれています。"
        "それらに共通する因子、たとえば上流の勾配や出力に近い局所的な勾配を確認してください。",
        "de": "{lead}. Alle falschen Gradienten weichen um denselben Faktor ab (hier {ratio}): "
        "Sehen Sie sich einen Faktor an, den sie alle teilen, etwa einen Upstream-Gradienten "
        "oder einen lokalen Gradienten nahe am Ausgang.",
    },
    "only-at-given-point": {
        "en": "{lead}. At the given point it is right, at the other points it is not: it does not "
        "follow the inputs. Look at which variables it is computed from (a slip can be right at "
        "one point by coincidence), and compute it from the forward values.",
        "zh": "{lead}。它在给定的点上是对的，在其他点上却不对：它没有随输入而变化。"
        "请检查它是用哪些变量算出来的（写错的变量可能恰好在某一个点上是对的），"
        "并用前向传播的值把它算出来。",
        "ja": "{lead}。与えられた点では正しいのに、ほかの点では正しくありません。入力に応じて"
        "変わっていないということです。どの変数から計算しているかを確かめてください"
        "（変数の取り違えが、ある点ではたまたま正しくなることがあります）。"
        "順伝播の値から計算しましょう。",
        "de": "{lead}. Am vorgegebenen Punkt stimmt der Wert, an den anderen Punkten nicht: Er "
        "folgt den Eingaben nicht. Prüfen Sie, aus welchen Variablen er berechnet wird (eine "
        "verwechselte Variable kann an einem Punkt zufällig stimmen), und berechnen Sie ihn aus "
        "den Werten des Vorwärtsdurchlaufs.",
    },
    "not-in-graph": {
        "en": "{lead}, at every point, although `backward()` ran on line {backward}: after it, "
        "the gradients of {names} were set back to 0 (`.grad = 0` or `zero_grad()`), or the "
        "Values you read are not the ones the output was computed from. Read the gradients "
        "right after `backward()`, from the Values the circuit was built of.",
        "zh": "{lead}，而且在每个点上都是，尽管第 {backward} 行已经运行了 `backward()`：要么在它"
        "之后 {names} 的梯度又被设回了 0（`.grad = 0` 或 `zero_grad()`），要么你读取的 Value "
        "并不是计算输出时用到的那些。请在 `backward()` 之后立即读取搭建回路所用的 Value 的梯度。",
        "ja": "{lead}。{backward} 行目で `backward()` を実行したのに、どの点でも 0 です。その"
        "あとで {names} の勾配を 0 に戻した（`.grad = 0` や `zero_grad()`）か、読んでいる "
        "Value が出力の計算に使われたものではないかのどちらかです。`backward()` の直後に、"
        "回路を組み立てた Value の勾配を読んでください。",
        "de": "{lead}, und zwar an jedem Punkt, obwohl `backward()` in Zeile {backward} lief: "
        "Danach wurden die Gradienten von {names} wieder auf 0 gesetzt (`.grad = 0` oder "
        "`zero_grad()`), oder die `Value`-Objekte, die Sie lesen, sind nicht die, aus denen der "
        "Ausgang berechnet wurde. Lesen Sie die Gradienten direkt nach `backward()`, von den "
        "`Value`-Objekten, aus denen der Schaltkreis gebaut ist.",
    },
    "not-in-graph-remade": {
        "en": "{lead}, at every point, although `backward()` ran on line {backward}: line {made} "
        "makes new {names}, but the circuit that `backward()` walked was built from the earlier "
        "ones, so the new Values never get a gradient. Build the circuit again from the new "
        "Values before `backward()`.",
        "zh": "{lead}，而且在每个点上都是，尽管第 {backward} 行已经运行了 `backward()`：第 "
        "{made} 行新建了 {names}，可 `backward()` 走过的回路是用之前的那些搭起来的，所以新的 "
        "Value 拿不到梯度。请在 `backward()` 之前用新的 Value 重新搭一遍回路。",
        "ja": "{lead}。{backward} 行目で `backward()` を実行したのに、どの点でも 0 のままです。"
        "{made} 行目で {names} を新しく作っていますが、`backward()` がたどった回路は前の "
        "Value から組み立てたものなので、新しい Value には勾配が届きません。`backward()` "
        "の前に、新しい Value で回路を組み立て直してください。",
        "de": "{lead}, und zwar an jedem Punkt, obwohl `backward()` in Zeile {backward} lief: "
        "Zeile {made} erzeugt neue {names}, aber der Schaltkreis, den `backward()` durchlaufen "
        "hat, wurde aus den früheren gebaut. Die neuen `Value`-Objekte bekommen daher nie einen "
        "Gradienten. Bauen Sie den Schaltkreis vor `backward()` aus den neuen `Value`-Objekten "
        "neu auf.",
    },
    "aliased-rows": {
        "en": "{lead}. The rows of `{list}` are one and the same list: `[[0.0] * n] * m` "
        "repeats one row object m times, so every write into a row lands in all of them. Give "
        "each row a list of its own: `[[0.0] * n for _ in range(m)]`.",
        "zh": "{lead}。`{list}` 的各行其实是同一个列表：`[[0.0] * n] * m` 把同一个行对象重复了 "
        "m 次，所以写进任何一行的值都会出现在所有行里。请让每一行都是独立的列表："
        "`[[0.0] * n for _ in range(m)]`。",
        "ja": "{lead}。`{list}` の行はすべて同じ 1 つのリストです。`[[0.0] * n] * m` は同じ行"
        "オブジェクトを m 回並べるので、ある行への書き込みがすべての行に現れます。行ごとに別の"
        "リストを作ってください：`[[0.0] * n for _ in range(m)]`。",
        "de": "{lead}. Die Zeilen von `{list}` sind ein und dieselbe Liste: `[[0.0] * n] * m` "
        "wiederholt ein Zeilenobjekt m-mal, also landet jeder Schreibzugriff auf eine Zeile in "
        "allen Zeilen. Geben Sie jeder Zeile eine eigene Liste: `[[0.0] * n for _ in range(m)]`.",
    },
    "inverted-factor": {
        "en": "{lead}. Every wrong gradient is off by `{factor}` squared ({ratio} here): it "
        "multiplies by `{factor}` where it should divide by it, or divides where it should "
        "multiply.",
        "zh": "{lead}。每个错的梯度都差了 `{factor}` 的平方倍（这里是 {ratio}）：本该除以 "
        "`{factor}` 的地方乘了它，或者本该乘的地方除了它。",
        "ja": "{lead}。間違っている勾配はどれも `{factor}` の二乗倍（ここでは {ratio}）ずれて"
        "います。`{factor}` で割るべきところで掛けているか、掛けるべきところで割っています。",
        "de": "{lead}. Jeder falsche Gradient weicht um den Faktor `{factor}` zum Quadrat ab "
        "(hier {ratio}): Er multipliziert mit `{factor}`, wo er dadurch teilen sollte, oder "
        "teilt, wo er multiplizieren sollte.",
    },
    "rounded": {
        "en": "{lead}: that is the right number rounded to {digits} decimals. Round only what "
        "you print, `print(round({var}, 4))`: the next step of the backward pass, and the "
        "checker, need the full number.",
        "zh": "{lead}：这是把正确的数四舍五入到 {digits} 位小数的结果。只在打印时取整，比如 "
        "`print(round({var}, 4))`：反向传播的下一步和检查程序都需要完整的数。",
        "ja": "{lead}。これは正しい値を小数点以下 {digits} 桁に丸めたものです。丸めるのは表示"
        "するときだけにしてください（`print(round({var}, 4))`）。逆伝播の次の段も、確認の"
        "仕組みも、丸める前の値を必要とします。",
        "de": "{lead}: Das ist der richtige Wert, auf {digits} Nachkommastellen gerundet. Runden "
        "Sie nur, was Sie ausgeben, `print(round({var}, 4))`: Der nächste Schritt des "
        "Rückwärtsdurchlaufs und die Prüfung brauchen die volle Zahl.",
    },
    "not-written": {
        "en": "{lead}. The backward pass is not written yet: every gradient is still 0. Replace "
        "the zeros by local gradient × upstream gradient, starting at the output.",
        "zh": "{lead}。反向传播还没有写：所有梯度都还是 0。请从输出开始，把这些 0 换成"
        "局部梯度 × 上游梯度。",
        "ja": "{lead}。逆伝播がまだ書かれていません。勾配はすべて 0 のままです。出力から順に、"
        "0 を局所的な勾配 × 上流の勾配に置き換えてください。",
        "de": "{lead}. Der Rückwärtsdurchlauf ist noch nicht geschrieben: Alle Gradienten sind "
        "noch 0. Ersetzen Sie die Nullen, beim Ausgang beginnend, durch das Produkt aus lokalem "
        "Gradienten und Upstream-Gradient.",
    },
    "hard-coded": {
        "en": "{lead}, and it stays {got} whatever the inputs are. Compute it from the forward "
        "values instead of typing in numbers.",
        "zh": "{lead}，而且不管输入是什么，它始终是 {got}。请用前向传播的值把它算出来，"
        "而不是直接填数字。",
        "ja": "{lead}。しかも入力が何であっても {got} のままです。数値を直接書くのではなく、"
        "順伝播の値から計算してください。",
        "de": "{lead}, und der Wert bleibt {got}, wie auch immer die Eingaben lauten. Berechnen "
        "Sie ihn aus den Werten des Vorwärtsdurchlaufs, statt Zahlen einzutippen.",
    },
    "wrong-value": {
        "en": "{lead}. Follow its path back from the output: at every gate, local gradient × "
        "upstream gradient.",
        "zh": "{lead}。从输出开始沿着它的路径往回走：在每个门上，都是局部梯度 × 上游梯度。",
        "ja": "{lead}。出力から経路を逆にたどってください。各ゲートで、局所的な勾配 × "
        "上流の勾配です。",
        "de": "{lead}. Verfolgen Sie seinen Pfad vom Ausgang zurück: An jedem Gatter gilt "
        "lokaler Gradient × Upstream-Gradient.",
    },
}

MESSAGES |= CAPSTONE_MESSAGES  # the capstone's diagnoses (capstone_messages.py)
