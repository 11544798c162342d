# f = max(x, y) * z: a max gate, then a multiply gate.
# The forward pass is given; write the backward pass.
x, y, z = 1, 4, -2

# forward pass
m = max(x, y)  # the max gate
f = m * z      # the multiply gate

# backward pass
dm = -2.0
dz = 4.0
dx = 0.0
dy = -2.0

print("dm =", dm, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
