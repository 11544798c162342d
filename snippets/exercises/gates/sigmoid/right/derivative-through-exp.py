import math

w = [2, -3, -3]
x = [-1, -2]
dot = w[0]*x[0] + w[1]*x[1] + w[2]
e = math.exp(-dot)
f = 1 / (1 + e)
ddot = e / (1 + e) ** 2
dx = [w[0] * ddot, w[1] * ddot]
dw = [x[0] * ddot, x[1] * ddot, ddot]
