# f = x * y * z: two multiply gates in a row.
# The forward pass is given; write the backward pass.
x, y, z = 2, -1, 4

# forward pass
q = x * y  # the first multiply gate
f = q * z  # the second one

# backward pass
dq = z * 1.0  # each multiply gate swaps,
dz = q * 1.0  # times the upstream gradient (df/df = 1 here)
dx = x * dq
dy = y * dq

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
