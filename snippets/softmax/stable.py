# Stable cross-entropy from the scores: log-sum-exp minus the right score.
# Subtracting the largest score first changes nothing but keeps e^x small.
import math

from backprop_core import Value

for scores in ([3.2, 5.1, -1.7], [1000.0, 1001.0, 1002.0]):
    m = max(scores)
    lse = m + math.log(sum(math.exp(v - m) for v in scores))   # by hand
    s = [Value(v) for v in scores]
    loss = Value.logsumexp(s) - s[0]   # one gate; the right class is 0
    loss.backward()
    p = [math.exp(v - lse) for v in scores]
    print(f"scores {scores}")
    print(f"  by hand: loss {lse - scores[0]:.4f}   Value: loss {loss.data:.4f}")
    print("  p     ", " ".join(f"{pk:8.4f}" for pk in p))
    print("  dL/ds ", " ".join(f"{v.grad:8.4f}" for v in s))
