# f = (x + sigmoid(y)) / (sigmoid(x) + (x + y)**2), staged.
# The forward pass is given; write the whole backward pass.
import math

x, y = 3, -4

# forward pass
sigy = 1 / (1 + math.exp(-y))   # (1)
num = x + sigy                  # (2)
sigx = 1 / (1 + math.exp(-x))   # (3)
xpy = x + y                     # (4)
xpysqr = xpy**2                 # (5)
den = sigx + xpysqr             # (6)
invden = 1 / den                # (7)
f = num * invden                # (8)

# backward pass, from (8) back to (1): replace every 0.0
dnum = 0.0
dinvden = 0.0
dden = 0.0
dsigx = 0.0
dxpysqr = 0.0
dxpy = 0.0
dsigy = 0.0
dx = 0.0  # x is used in (2), (3) and (4)
dy = 0.0  # y is used in (1) and (4)

print(f"dx = {dx:.4f}   dy = {dy:.4f}")
