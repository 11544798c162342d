# f = max(x, y) * z: a max gate, then a multiply gate.
# The forward pass is given; write the backward pass.
x, y, z = 1, 4, -2

# forward pass
m = max(x, y)  # the max gate
f = m * z      # the multiply gate

# backward pass
dm = z  # the multiply gate swaps
dz = m
dx = 0.0
dy = 0.0

print("dm =", dm, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
