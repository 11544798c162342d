x, y = 3, -4
q = x * y
f = q + x
dq = 1.0
dx = (y + 1) * x
dy = x * dq
