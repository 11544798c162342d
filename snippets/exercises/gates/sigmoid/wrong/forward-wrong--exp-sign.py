import math

w = [2, -3, -3]
x = [-1, -2]
dot = w[0]*x[0] + w[1]*x[1] + w[2]
f = 1 / (1 + math.exp(dot))
ddot = (1 - f) * f
dx = [w[0] * ddot, w[1] * ddot]
dw = [x[0] * ddot, x[1] * ddot, 1 * ddot]
