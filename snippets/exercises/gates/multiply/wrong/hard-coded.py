# f = x * y * z: two multiply gates in a row.
# The forward pass is given; write the backward pass.
x, y, z = 2, -1, 4

# forward pass
q = x * y  # the first multiply gate
f = q * z  # the second one

# backward pass
dq = 4.0
dz = -2.0
dx = -4.0
dy = 8.0

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
