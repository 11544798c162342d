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

# backward pass, from (8) back to (1)
dnum = invden                      # (8) the multiply gate swaps
dinvden = num                      # (8)
dden = (-1 / den**2) * dinvden     # (7)
dsigx = 1 * dden                   # (6)
dxpysqr = 1 * dden                 # (6)
dxpy = (2 * xpy) * dxpysqr         # (5)
dx = 1 * dxpy                      # (4)
dy = 1 * dxpy                      # (4)
dx += sigx * dsigx  # (3) x forks: +=
dx += 1 * dnum                     # (2)
dsigy = 1 * dnum                   # (2)
dy += ((1 - sigy) * sigy) * dsigy  # (1) y forks: +=

print(f"dx = {dx:.4f}   dy = {dy:.4f}")
