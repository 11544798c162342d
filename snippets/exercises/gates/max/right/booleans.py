x, y, z = 1, 4, -2
m = max(x, y)
f = m * z
dm = z
dz = m
dx = dm * (x > y)
dy = dm * (y >= x)
