# D = W·X with nested lists. The upstream gradient dD is given;
# write dW and dX (use matmul and transpose).


def matmul(A, B):
    """A (n×k) times B (k×m)."""
    return [[sum(A[i][t] * B[t][j] for t in range(len(B)))
             for j in range(len(B[0]))] for i in range(len(A))]


def transpose(A):
    return [list(row) for row in zip(*A)]


W = [[1, 2, -1],
     [0, -3, 2]]       # 2×3
X = [[2, -1, 0],
     [1, 0, 3],
     [-2, 3, 1]]       # 3×3
dD = [[1, -2, 0],
      [3, 1, -1]]      # 2×3, the gradient arriving at D

D = matmul(W, X)       # forward pass: 2×3

# backward pass
dW = matmul(dD, transpose(X))  # (2×3)·(3×3): 2×3, like W
dX = [[0.0] * 3] * 3           # 3×3, like X, filled entry by entry
for i in range(3):
    for j in range(3):
        for t in range(2):
            dX[i][j] += W[t][i] * dD[t][j]

print("dW =", dW)
print("dX =", dX)
