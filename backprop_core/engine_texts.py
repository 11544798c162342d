"""What the engine itself says to a reader, in four languages: grad_check's report and the
explanatory part of a gate's error.

Data only; :func:`backprop_core.language.text` looks a key up in the language set by
:func:`~backprop_core.language.set_language`. The exception's class stays Python's
(``ZeroDivisionError``) and the gate keeps its name from the code (``div``); the sentence
that says what went wrong and what to do is the page's. Numbers are filled in by the
caller, formatted the same in every language, so a translated message shows the same
numbers as the English one.
"""

from __future__ import annotations

__all__ = ["ENGINE_TEXTS"]

ENGINE_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "value_of_value": "Value() got a Value ({data}); it is already a Value: use it directly, "
        "or Value(v.data) for an independent copy",
        "value_not_number": "Value() needs a real number (int or float), got {kind} {data}; "
        "convert it first, for example Value(float(text))",
        "int_digits": "an int with {digits} digits",
        "value_too_large": "Value() got {shown}: that is too large for a float (the largest is "
        "about 1.8e308); scale it down, for example work in thousands or take its log",
        "value_not_finite": "Value({x}): a Value must be a finite number; NaN and infinity cannot "
        "take part in a gradient computation",
        "label": "Value(): a label must be a string (or None), got {kind} {label}; for example "
        "label='x'",
        "operand": "the other input must be a Value or a number (int or float), got {kind} "
        "{other}; convert it first, for example float(text)",
        "operands_not_list": "expects a list of Values or numbers, got {kind} {values}; write e.g. "
        "Value.{name}([a, b, c])",
        "operands_empty": "needs at least one input, got an empty list",
        "operand_item": "{what}[{index}] is {kind} {item}; every item must be a Value or a number",
        "pow_exponent": "the exponent must be a number or a Value, got {kind} {other}",
        "dot_count": "got {weights} weights and {inputs} inputs; give one weight per input",
        "gc_single": "inputs must be a sequence of numbers or Values, one per argument of f; got "
        "a single {kind}: write [x] instead of x",
        "gc_output": "the function given to the gradient check must return a Value or a number, "
        "got {kind}",
        "gc_not_value": "grad_check: without `analytic=`, f must return a Value so that "
        "backward() can compute the gradients; it returned {kind}",
        "gc_count": "grad_check: got {given} analytic gradient(s) for {inputs} input(s); give one "
        "gradient per input",
        "gate": "{name} gate: ",
        "gc_passed": "grad_check passed (relative error tolerance {tolerance})",
        "gc_failed": "grad_check FAILED (relative error tolerance {tolerance})",
        "gc_columns": "input|value|analytic|numerical|result",
        "gc_ok": "ok",
        "gc_wrong": "WRONG, rel. error {error}",
        "div_zero": "{x} / {y} divides by zero; make sure the divisor is never 0 "
        "(for example add a small constant to it)",
        "pow_base": "{x} ** {y} with the exponent in the graph needs a positive base "
        "(its gradient uses ln(base)); use a plain number as exponent for other bases",
        "pow_overflow": "{x} ** {y} overflows a float; use smaller inputs",
        "pow_negative": "({x}) ** {y} is not a real number (a negative base needs an integer "
        "exponent); make the base positive, e.g. with abs() or x**2 first",
        "pow_zero": "0.0 ** {y} divides by zero; keep the base away from 0",
        "pow_grad_zero": "the local gradient of x ** {y} at x = 0.0 is infinite; keep the base "
        "away from 0 (for example add a small constant)",
        "exp_overflow": "exp({x}) overflows a float (the largest input is about 709.78); "
        "scale the input down (for a softmax, subtract the largest score first, as "
        "Value.logsumexp does)",
        "log_domain": "log({x}) is undefined; log needs a positive input (if it is the log of "
        "a probability that rounded to 0, compute the loss from the scores instead: "
        "z.softplus() - y * z for two classes, Value.logsumexp(scores) - scores[label] for "
        "several; adding a tiny constant such as 1e-12 would cap the loss and wipe out its "
        "gradient)",
        "not_finite": "{call} = {out} is not a finite number; scale the inputs down (or use a "
        "smaller learning rate) so values stay finite",
    },
    "zh": {
        "value_of_value": "Value() 收到的是一个 Value（{data}）；它已经是 Value 了：直接使用它，"
        "或者用 Value(v.data) 得到一个独立的副本",
        "value_not_number": "Value() 需要一个实数（int 或 float），收到的却是 {kind} {data}；"
        "请先转换，例如 Value(float(text))",
        "int_digits": "一个 {digits} 位的 int",
        "value_too_large": "Value() 收到{shown}：对浮点数来说太大了（最大约为 1.8e308）；"
        "请把它缩小，例如以千为单位，或者取对数",
        "value_not_finite": "Value({x})：Value 必须是有限的数；NaN 和无穷大不能参与梯度计算",
        "label": "Value()：标签必须是字符串（或 None），收到的却是 {kind} {label}；例如 label='x'",
        "operand": "另一个输入必须是 Value 或数（int 或 float），收到的却是 {kind} {other}；"
        "请先转换，例如 float(text)",
        "operands_not_list": "需要一个由 Value 或数组成的列表，收到的却是 {kind} {values}；"
        "例如写成 Value.{name}([a, b, c])",
        "operands_empty": "至少需要一个输入，收到的却是空列表",
        "operand_item": "{what}[{index}] 是 {kind} {item}；每一项都必须是 Value 或数",
        "pow_exponent": "指数必须是数或 Value，收到的却是 {kind} {other}",
        "dot_count": "收到 {weights} 个权重和 {inputs} 个输入；每个输入需要一个权重",
        "gc_single": "inputs 必须是由数或 Value 组成的序列，f 的每个参数对应一个；"
        "收到的却是单个 {kind}：请把 x 写成 [x]",
        "gc_output": "交给梯度检查的函数必须返回 Value 或数，它返回的却是 {kind}",
        "gc_not_value": "grad_check：不给 `analytic=` 时，f 必须返回 Value，"
        "backward() 才能算出梯度；它返回的却是 {kind}",
        "gc_count": "grad_check：收到 {given} 个解析梯度，却有 {inputs} 个输入；每个输入给一个梯度",
        "gate": "{name} 门：",
        "gc_passed": "grad_check 通过（相对误差容限 {tolerance}）",
        "gc_failed": "grad_check 未通过（相对误差容限 {tolerance}）",
        "gc_columns": "输入|值|解析梯度|数值梯度|结果",
        "gc_ok": "通过",
        "gc_wrong": "错误，相对误差 {error}",
        "div_zero": "{x} / {y} 除以零；请确保除数永远不为 0（例如给它加一个小常数）",
        "pow_base": "{x} ** {y} 的指数在计算线路中，这时底数必须为正（它的梯度要用到 ln(底数)）；"
        "其他底数请用普通的数作指数",
        "pow_overflow": "{x} ** {y} 超出了浮点数的范围；请用更小的输入",
        "pow_negative": "({x}) ** {y} 不是实数（负的底数只能配整数指数）；"
        "请先让底数变为正数，例如用 abs() 或先算 x**2",
        "pow_zero": "0.0 ** {y} 除以零；请让底数远离 0",
        "pow_grad_zero": "x ** {y} 在 x = 0.0 处的局部梯度是无穷大；"
        "请让底数远离 0（例如加一个小常数）",
        "exp_overflow": "exp({x}) 超出了浮点数的范围（输入最大约为 709.78）；请把输入缩小"
        "（对 softmax，先减去最大的分数，Value.logsumexp 就是这样做的）",
        "log_domain": "log({x}) 没有定义；log 的输入必须为正（如果这是一个被舍入成 0 的概率的对数，"
        "请改为从分数直接计算损失：两类时用 z.softplus() - y * z，多类时用 "
        "Value.logsumexp(scores) - scores[label]；加上 1e-12 这样的小常数会给损失封顶，"
        "并抹掉它的梯度）",
        "not_finite": "{call} = {out} 不是有限的数；请把输入缩小（或用更小的学习率），"
        "让各个值保持有限",
    },
    "ja": {
        "value_of_value": "Value() に Value（{data}）が渡されました。これはすでに Value なので、"
        "そのまま使うか、独立したコピーが要るなら Value(v.data) としてください",
        "value_not_number": "Value() には実数（int か float）が必要ですが、{kind} {data} "
        "が渡されました。先に変換してください（たとえば Value(float(text))）",
        "int_digits": "{digits} 桁の int",
        "value_too_large": "Value() に渡された {shown} は float には大きすぎます（最大はおよそ "
        "1.8e308）。千単位にする、対数をとるなどして小さくしてください",
        "value_not_finite": "Value({x})：Value は有限の数でなければなりません。NaN や無限大は"
        "勾配の計算に使えません",
        "label": "Value()：ラベルは文字列（または None）でなければなりませんが、{kind} {label} "
        "が渡されました。たとえば label='x' とします",
        "operand": "もう一方の入力は Value か数（int か float）でなければなりませんが、{kind} "
        "{other} が渡されました。先に変換してください（たとえば float(text)）",
        "operands_not_list": "Value か数のリストが必要ですが、{kind} {values} が渡されました。"
        "たとえば Value.{name}([a, b, c]) と書きます",
        "operands_empty": "入力が必要ですが、空のリストが渡されました",
        "operand_item": "{what}[{index}] は {kind} {item} です。どの要素も Value か数でなければ"
        "なりません",
        "pow_exponent": "指数は数か Value でなければなりませんが、{kind} {other} が渡されました",
        "dot_count": "重みが {weights} 個、入力が {inputs} 個です。重みと入力の数をそろえて"
        "ください",
        "gc_single": "inputs は、f の引数ごとに数か Value を並べた列でなければなりませんが、"
        "{kind} だけが渡されました。x ではなく [x] と書いてください",
        "gc_output": "勾配確認に渡す関数は Value か数を返さなければなりませんが、{kind} "
        "が返されました",
        "gc_not_value": "grad_check：`analytic=` を渡さないときは、backward() で勾配を計算"
        "できるよう、f は Value を返さなければなりません。返されたのは {kind} です",
        "gc_count": "grad_check：入力が {inputs} 個なのに、解析的な勾配が {given} 個渡されました。"
        "入力と同じ数だけ勾配を渡してください",
        "gate": "{name} ゲート：",
        "gc_passed": "grad_check 合格（相対誤差の許容値 {tolerance}）",
        "gc_failed": "grad_check 不合格（相対誤差の許容値 {tolerance}）",
        "gc_columns": "入力|値|解析的|数値微分|判定",
        "gc_ok": "合格",
        "gc_wrong": "不合格（相対誤差 {error}）",
        "div_zero": "{x} / {y} はゼロ除算です。割る数が決して 0 にならないようにしてください"
        "（たとえば小さな定数を足します）",
        "pow_base": "{x} ** {y} のように指数が回路の中にあるときは、底が正でなければなりません"
        "（勾配に ln(底) を使うため）。ほかの底には、ふつうの数を指数にしてください",
        "pow_overflow": "{x} ** {y} は浮動小数点数の範囲を超えます。"
        "もっと小さな入力を使ってください",
        "pow_negative": "({x}) ** {y} は実数になりません（負の底には整数の指数しか使えません）。"
        "abs() を使うか先に x**2 を計算するなどして、底を正にしてください",
        "pow_zero": "0.0 ** {y} はゼロ除算です。底を 0 から離してください",
        "pow_grad_zero": "x ** {y} の x = 0.0 での局所的な勾配は無限大です。"
        "底を 0 から離してください（たとえば小さな定数を足します）",
        "exp_overflow": "exp({x}) は浮動小数点数の範囲を超えます（入力の上限はおよそ 709.78）。"
        "入力を小さくしてください（ソフトマックスなら、Value.logsumexp と同じく、"
        "先に最大のスコアを引きます）",
        "log_domain": "log({x}) は定義されません。log の入力は正でなければなりません"
        "（0 に丸められた確率の対数なら、損失をスコアから直接計算してください。二値分類なら "
        "z.softplus() - y * z、多クラスなら Value.logsumexp(scores) - scores[label] です。"
        "1e-12 のような小さな定数を足すと、損失に上限ができて勾配が消えてしまいます）",
        "not_finite": "{call} = {out} は有限の数ではありません。値が有限に収まるよう、"
        "入力を小さくしてください（または学習率を小さくします）",
    },
    "de": {
        "value_of_value": "Value() hat einen Value bekommen ({data}); das ist schon ein Value: "
        "Verwenden Sie ihn direkt oder Value(v.data) für eine unabhängige Kopie",
        "value_not_number": "Value() braucht eine reelle Zahl (int oder float), bekam aber "
        "{kind} {data}; wandeln Sie sie zuerst um, etwa mit Value(float(text))",
        "int_digits": "ein int mit {digits} Stellen",
        "value_too_large": "Value() bekam {shown}: Das ist zu groß für eine Gleitkommazahl (die "
        "größte ist etwa 1.8e308); verkleinern Sie den Wert, etwa indem Sie in Tausendern "
        "rechnen oder den Logarithmus nehmen",
        "value_not_finite": "Value({x}): Ein Value muss eine endliche Zahl sein; NaN und "
        "unendlich können an keiner Gradientenberechnung teilnehmen",
        "label": "Value(): Ein Label muss ein String sein (oder None), bekam aber {kind} "
        "{label}; zum Beispiel label='x'",
        "operand": "Der andere Eingang muss ein Value oder eine Zahl (int oder float) sein, bekam "
        "aber {kind} {other}; wandeln Sie ihn zuerst um, etwa mit float(text)",
        "operands_not_list": "erwartet eine Liste von Values oder Zahlen, bekam aber {kind} "
        "{values}; schreiben Sie etwa Value.{name}([a, b, c])",
        "operands_empty": "braucht mindestens einen Eingang, bekam aber eine leere Liste",
        "operand_item": "{what}[{index}] ist {kind} {item}; jeder Eintrag muss ein Value oder "
        "eine Zahl sein",
        "pow_exponent": "Der Exponent muss eine Zahl oder ein Value sein, bekam aber {kind} "
        "{other}",
        "dot_count": "bekam {weights} Gewichte und {inputs} Eingänge; geben Sie ein Gewicht je "
        "Eingang an",
        "gc_single": "inputs muss eine Folge von Zahlen oder Values sein, eine je Argument von f; "
        "bekam aber ein einzelnes {kind}: Schreiben Sie [x] statt x",
        "gc_output": "Die Funktion für die Gradientenprüfung muss einen Value oder eine Zahl "
        "zurückgeben, gab aber {kind} zurück",
        "gc_not_value": "grad_check: Ohne `analytic=` muss f einen Value zurückgeben, damit "
        "backward() die Gradienten berechnen kann; sie gab {kind} zurück",
        "gc_count": "grad_check: analytische Gradienten: {given}, Eingänge: {inputs}; geben Sie "
        "genau einen Gradienten je Eingang an",
        "gate": "{name}-Gatter: ",
        "gc_passed": "grad_check bestanden (Toleranz für den relativen Fehler {tolerance})",
        "gc_failed": "grad_check NICHT BESTANDEN (Toleranz für den relativen Fehler {tolerance})",
        "gc_columns": "Eingang|Wert|analytisch|numerisch|Ergebnis",
        "gc_ok": "ok",
        "gc_wrong": "FALSCH, rel. Fehler {error}",
        "div_zero": "{x} / {y} teilt durch null; sorgen Sie dafür, dass der Divisor nie 0 wird "
        "(addieren Sie etwa eine kleine Konstante)",
        "pow_base": "{x} ** {y} mit dem Exponenten im Graphen braucht eine positive Basis "
        "(sein Gradient verwendet ln(Basis)); für andere Basen nehmen Sie eine gewöhnliche "
        "Zahl als Exponenten",
        "pow_overflow": "{x} ** {y} sprengt den Bereich einer Gleitkommazahl; verwenden Sie "
        "kleinere Eingaben",
        "pow_negative": "({x}) ** {y} ist keine reelle Zahl (eine negative Basis braucht einen "
        "ganzzahligen Exponenten); machen Sie die Basis positiv, etwa mit abs() oder indem Sie "
        "zuerst x**2 bilden",
        "pow_zero": "0.0 ** {y} teilt durch null; halten Sie die Basis von 0 fern",
        "pow_grad_zero": "der lokale Gradient von x ** {y} bei x = 0.0 ist unendlich; halten Sie "
        "die Basis von 0 fern (addieren Sie etwa eine kleine Konstante)",
        "exp_overflow": "exp({x}) sprengt den Bereich einer Gleitkommazahl (die größte Eingabe "
        "ist etwa 709.78); verkleinern Sie die Eingabe (bei einer Softmax ziehen Sie zuerst "
        "den größten Score ab, wie Value.logsumexp es tut)",
        "log_domain": "log({x}) ist nicht definiert; log braucht eine positive Eingabe (ist es "
        "der Logarithmus einer Wahrscheinlichkeit, die auf 0 gerundet wurde, berechnen Sie den "
        "Verlust direkt aus den Scores: z.softplus() - y * z bei zwei Klassen, "
        "Value.logsumexp(scores) - scores[label] bei mehreren; eine winzige Konstante wie "
        "1e-12 zu addieren, würde den Verlust deckeln und seinen Gradienten auslöschen)",
        "not_finite": "{call} = {out} ist keine endliche Zahl; verkleinern Sie die Eingaben "
        "(oder nehmen Sie eine kleinere Lernrate), damit die Werte endlich bleiben",
    },
}
