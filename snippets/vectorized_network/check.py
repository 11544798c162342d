# The same loss with scalar Values, one node per number: backward() must give
# every entry of dW1, db1, dW2 and db2.
from backprop_core import Value

w1 = [[Value(v) for v in row] for row in W1]
c1 = [Value(v) for v in b1]
w2 = [[Value(v) for v in row] for row in W2]
c2 = [Value(v) for v in b2]
losses = []
for x, k in zip(X, classes):
    h = [Value.dot([w1[d][j] for d in range(D)], x) + c1[j] for j in range(H)]
    h = [v.relu() for v in h]
    s = [Value.dot([w2[j][c] for j in range(H)], h) + c2[c] for c in range(C)]
    losses.append(Value.logsumexp(s) - s[k])    # cross-entropy from the scores
scalar_loss = Value.sum(losses) / N
scalar_loss.backward()

print(f"loss: matrices {loss:.6f}, Values {scalar_loss.data:.6f}")
for name, grad, values in [("dW1", dW1, w1), ("db1", [db1], [c1]),
                           ("dW2", dW2, w2), ("db2", [db2], [c2])]:
    pairs = [(g, v.grad) for grow, vrow in zip(grad, values)
             for g, v in zip(grow, vrow)]
    same = all(abs(g - v) < 1e-12 for g, v in pairs)
    print(f"{name}: {len(pairs):2d} entries, all equal to backward(): {same}")
