# f = x * y * z: two multiply gates in a row.
# The forward pass is given; write the backward pass.
x, y, z = 2, -1, 4

# forward pass
q = x * y  # the first multiply gate
f = q * z  # the second one

# backward pass
dq = z * 1.0  # each multiply gate swaps,
dz = x * 1.0  # x where q belongs
dx = y * dq   # and here the upstream gradient is dq
dy = x * dq

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
