x, y = 3, -4
q = x * y
f = q + x
dq = 1
dx = y * dq + 1
dy = x * dq
