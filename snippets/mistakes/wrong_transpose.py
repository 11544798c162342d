# Bug: a wrong transpose in a matrix gradient. D = W·X: dW = dD·Xᵀ.
# With square matrices dD·X has the right shape too: only a check
# finds it.
from backprop_core import Value, grad_check


def matmul(A, B):
    return [[sum((A[i][t] * B[t][j] for t in range(len(B))), 0.0)
             for j in range(len(B[0]))] for i in range(len(A))]


def transpose(A):
    return [list(row) for row in zip(*A)]


X = [[1.0, 2.0], [-1.0, 3.0]]
dD = [[1.0, 0.0], [2.0, -1.0]]
W_flat = [2.0, -1.0, 0.5, 1.0]     # W = [[2, -1], [0.5, 1]], flattened


def loss(w00, w01, w10, w11):
    # a loss whose gradient at D is dD: L = sum of D[i][j] * dD[i][j]
    D = matmul([[w00, w01], [w10, w11]], X)
    return sum(D[i][j] * dD[i][j] for i in range(2) for j in range(2))


names = ["w00", "w01", "w10", "w11"]
inputs = [Value(v, label=n) for v, n in zip(W_flat, names)]
dW_wrong = matmul(dD, X)               # BUG: should be dD·Xᵀ
wrong = [g for r in dW_wrong for g in r]
print(grad_check(loss, inputs, analytic=wrong))

dW = matmul(dD, transpose(X))
fixed = grad_check(loss, inputs, analytic=[g for r in dW for g in r])
print("dD·Xᵀ:", "passed" if fixed else "FAILED")
