# f = x * y * z: two multiply gates in a row.
# The forward pass is given; write the backward pass.
x, y, z = 2, -1, 4

# forward pass
q = x * y  # the first multiply gate
f = q * z  # the second one

# backward pass: replace each 0.0 by the gradient of f
dq = 0.0  # with respect to q
dz = 0.0  # with respect to z
dx = 0.0  # with respect to x
dy = 0.0  # with respect to y

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
