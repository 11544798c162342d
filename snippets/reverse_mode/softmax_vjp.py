# A softmax layer p = softmax(s) inside a network: its Jacobian J[i][j] = dp_i/ds_j
# is diag(p) - p p^T. Backprop needs only v^T J, the upstream gradient v = dL/dp
# times the Jacobian, and that is p * (v - v·p): no n×n matrix at all.
from backprop_core import Value

s = [1.0, 2.0, 0.5, -1.0]               # scores
v = [0.5, -1.0, 2.0, 0.0]               # dL/dp, sent back by the layer above



def diag(p):                            # the matrix with p on its diagonal
    return [[p[i] if i == j else 0.0 for j in range(len(p))] for i in range(len(p))]


p = [q.data for q in Value.softmax(s)]
n = len(p)
J = [[diag(p)[i][j] - p[i] * p[j] for j in range(n)] for i in range(n)]
with_matrix = [sum(v[i] * J[i][j] for i in range(n)) for j in range(n)]   # v^T J

vp = sum(vi * pi for vi, pi in zip(v, p))
vjp = [pi * (vi - vp) for pi, vi in zip(p, v)]                           # no matrix

# The scalar engine: a loss whose gradient at p is v, then backward().
sv = [Value(x) for x in s]
L = Value.sum([vi * pi for vi, pi in zip(v, Value.softmax(sv))])
L.backward()

print("J = diag(p) - p p^T:")
for row in J:
    print("   " + " ".join(f"{x:8.4f}" for x in row))
print("  j    v^T J    p*(v - v.p)   backward()")
for j in range(n):
    print(f"{j:3d} {with_matrix[j]:9.5f} {vjp[j]:11.5f} {sv[j].grad:12.5f}")
print(f"multiplications: v^T J {n * n} (after building J), p*(v - v.p) {2 * n}")
print("the gradient's entries add up to 0:", abs(sum(vjp)) < 1e-12)
