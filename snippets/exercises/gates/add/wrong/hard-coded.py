# f = (x + y) * z: an add gate inside a circuit.
# The forward pass is given; write the backward pass.
x, y, z = -2, 5, -4

# forward pass
q = x + y  # the add gate
f = q * z  # the multiply gate

# backward pass
dq = -4.0
dz = 3.0
dx = -4.0
dy = -4.0

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
