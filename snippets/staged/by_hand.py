# f = (x + sigmoid(y)) / (sigmoid(x) + (x + y)**2), staged by hand.
# Forward: one small step per line, every intermediate kept (cached).
# Backward: the same steps in reverse, one local gradient at a time.
import math

x, y = 3.0, -4.0

# forward pass
sigy = 1.0 / (1.0 + math.exp(-y))   # (1) sigmoid in the numerator
num = x + sigy                      # (2) numerator
sigx = 1.0 / (1.0 + math.exp(-x))   # (3) sigmoid in the denominator
xpy = x + y                         # (4)
xpysqr = xpy**2                     # (5)
den = sigx + xpysqr                 # (6) denominator
invden = 1.0 / den                  # (7)
f = num * invden                    # (8) done

print("forward pass")
print(f"  sigy   = {sigy:7.4f}   num    = {num:7.4f}")
print(f"  sigx   = {sigx:7.4f}   xpy    = {xpy:7.4f}")
print(f"  xpysqr = {xpysqr:7.4f}   den    = {den:7.4f}")
print(f"  invden = {invden:7.4f}   f      = {f:7.4f}")

# backward pass, from (8) back to (1)
dnum = invden                       # (8) f = num * invden
dinvden = num                       # (8)
dden = (-1.0 / den**2) * dinvden    # (7) invden = 1 / den
dsigx = 1.0 * dden                  # (6) den = sigx + xpysqr
dxpysqr = 1.0 * dden                # (6)
dxpy = (2 * xpy) * dxpysqr          # (5) xpysqr = xpy**2
dx = 1.0 * dxpy                     # (4) xpy = x + y
dy = 1.0 * dxpy                     # (4)
dx += ((1 - sigx) * sigx) * dsigx   # (3) sigx = sigmoid(x): note +=
dx += 1.0 * dnum                    # (2) num = x + sigy: += again
dsigy = 1.0 * dnum                  # (2)
dy += ((1 - sigy) * sigy) * dsigy   # (1) sigy = sigmoid(y): +=

print("backward pass")
print(f"  dnum    = {dnum:7.4f}   dinvden = {dinvden:7.4f}")
print(f"  dden    = {dden:7.4f}   dsigx   = {dsigx:7.4f}")
print(f"  dxpysqr = {dxpysqr:7.4f}   dxpy    = {dxpy:7.4f}")
print(f"  dsigy   = {dsigy:7.4f}")
print(f"  dx      = {dx:7.4f}   dy      = {dy:7.4f}")
