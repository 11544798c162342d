# D = W·X with nested lists of Values; the scalar engine's gradients
# compared with the matrix formulas dW = dD·Xᵀ and dX = Wᵀ·dD.
from backprop_core import Value


def matmul(A, B):
    """A (n×k) times B (k×m): nested lists of numbers or Values."""
    return [[sum((A[i][t] * B[t][j] for t in range(len(B))), 0.0)
             for j in range(len(B[0]))] for i in range(len(A))]


def transpose(A):
    return [list(row) for row in zip(*A)]


def shape(A):
    return f"{len(A)}×{len(A[0])}"


W_num = [[1.0, 2.0, -1.0],
         [0.0, -3.0, 2.0]]          # 2×3
X_num = [[2.0, -1.0],
         [1.0, 0.0],
         [-2.0, 3.0]]               # 3×2
dD = [[1.0, -2.0],
      [3.0, 1.0]]                   # 2×2: the gradient arriving at D

# The scalar engine: one Value per entry
W = [[Value(v) for v in row] for row in W_num]
X = [[Value(v) for v in row] for row in X_num]
D = matmul(W, X)
# A loss whose gradient at D is exactly dD:
# L = sum of D[i][j] * dD[i][j]
L = sum((D[i][j] * dD[i][j] for i in range(2) for j in range(2)), 0.0)
L.backward()
dW_engine = [[w.grad for w in row] for row in W]
dX_engine = [[x.grad for x in row] for row in X]

# The matrix formulas
dW_formula = matmul(dD, transpose(X_num))  # (2×2)·(2×3): 2×3
dX_formula = matmul(transpose(W_num), dD)  # (3×2)·(2×2): 3×2

print("D =", [[d.data for d in row] for row in D])
print(f"dW from backward(): {dW_engine}  {shape(dW_engine)}")
print(f"dW = dD·Xᵀ:         {dW_formula}  {shape(dW_formula)}")
print(f"dX from backward(): {dX_engine}  {shape(dX_engine)}")
print(f"dX = Wᵀ·dD:         {dX_formula}  {shape(dX_formula)}")
print("agree:", dW_engine == dW_formula and dX_engine == dX_formula)
