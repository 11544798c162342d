import math

x, y = 3, -4
sigy = 1 / (1 + math.exp(-y))
num = x + sigy
sigx = 1 / (1 + math.exp(-x))
xpy = x + y
xpysqr = xpy**2
den = sigx + xpysqr
invden = 1 / den
f = num * invden
dnum = invden
dinvden = num
dden = (-1 / den**2) * dinvden
dsigx = 1 * dden
dxpysqr = 1 * dden
dxpy = xpy * dxpysqr
dx = 1 * dxpy
dy = 1 * dxpy
dx += ((1 - sigx) * sigx) * dsigx
dx += 1 * dnum
dsigy = 1 * dnum
dy += ((1 - sigy) * sigy) * dsigy
