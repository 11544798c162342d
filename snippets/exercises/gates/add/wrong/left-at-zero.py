# f = (x + y) * z: an add gate inside a circuit.
# The forward pass is given; write the backward pass.
x, y, z = -2, 5, -4

# forward pass
q = x + y  # the add gate
f = q * z  # the multiply gate

# backward pass
dq = z  # the multiply gate swaps
dz = q
dx = 0.0
dy = 0.0

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
