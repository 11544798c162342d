import math

w = [2, -3, -3]
x = [-1, -2]
dot = sum(wi * xi for wi, xi in zip(w, x)) + w[2]
f = 1 / (1 + math.e ** -dot)
ddot = f * (1 - f)
dx = [wi * ddot for wi in w[:2]]
dw = [xi * ddot for xi in x] + [ddot]
print(dx, dw)
