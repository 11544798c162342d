# The multiclass SVM loss beside cross-entropy, on the same scores:
# sum over wrong classes j of max(0, s_j - s_y + 1).
from backprop_core import Value
from backprop_core.text import display_width, rjust  # a CJK character takes 2 columns

scores, y = [3.2, 5.1, -1.7], 0

s = [Value(v) for v in scores]
svm = Value.sum([(s[j] - s[y] + 1).relu() for j in range(3) if j != y])
svm.backward()
svm_grads = [v.grad for v in s]

s = [Value(v) for v in scores]
ce = Value.logsumexp(s) - s[y]
ce.backward()
ce_grads = [v.grad for v in s]

print(f"SVM loss {svm.data:.4f}   cross-entropy {ce.data:.4f}")
heads = ["class", "SVM dL/ds", "cross-entropy dL/ds"]
widths = [max(7, display_width(h)) for h in heads]  # each column as wide as its heading
print(*[rjust(h, w) for h, w in zip(heads, widths)])
for k in range(3):
    cells = [f"{k}", f"{svm_grads[k]:.4f}", f"{ce_grads[k]:.4f}"]
    print(*[rjust(c, w) for c, w in zip(cells, widths)])
