"""Checks dW and dX of the matrix product D = W·X (page vectorized)."""
from backprop_core.practice import Exercise, Mistake


def matmul(A, B):
    return [[sum((A[i][t] * B[t][j] for t in range(len(B))), 0.0)
             for j in range(len(B[0]))] for i in range(len(A))]


def product(W, X, dD):
    D = matmul(W, X)
    # A loss whose gradient at D is dD: L = sum of D[i][j] * dD[i][j].
    L = sum((D[i][j] * dD[i][j] for i in range(2) for j in range(3)), 0.0)
    return {"D": D, "L": L}


check = Exercise(
    product,
    inputs={
        "W": [[1, 2, -1], [0, -3, 2]],
        "X": [[2, -1, 0], [1, 0, 3], [-2, 3, 1]],
        "dD": [[1, -2, 0], [3, 1, -1]],
    },
    gradients={"dW": "W", "dX": "X"},
    forward=["D"],
    mistakes=[
        Mistake("wrong-transpose", "dW", lambda W, X, dD: matmul(dD, X),
                {"wrong": "dD·X", "right": "dD·Xᵀ"}),
    ],
).check
