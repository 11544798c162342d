# The multiclass SVM loss beside cross-entropy, on the same scores:
# sum over wrong classes j of max(0, s_j - s_y + 1).
from backprop_core import Value

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
print("class   SVM dL/ds   cross-entropy dL/ds")
for k in range(3):
    print(f"{k:>5} {svm_grads[k]:11.4f} {ce_grads[k]:21.4f}")
