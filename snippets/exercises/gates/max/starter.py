# f = max(x, y) * z: a max gate, then a multiply gate.
# The forward pass is given; write the backward pass.
x, y, z = 1, 4, -2

# forward pass
m = max(x, y)  # the max gate
f = m * z      # the multiply gate

# backward pass: replace each 0.0 by the gradient of f
dm = 0.0  # with respect to m
dz = 0.0  # with respect to z
dx = 0.0  # with respect to x
dy = 0.0  # with respect to y

print("dm =", dm, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
