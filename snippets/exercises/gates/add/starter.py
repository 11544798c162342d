# f = (x + y) * z: an add gate inside a circuit.
# The forward pass is given; write the backward pass.
x, y, z = -2, 5, -4

# forward pass
q = x + y  # the add gate
f = q * z  # the multiply gate

# backward pass: replace each 0.0 by the gradient of f
dq = 0.0  # with respect to q
dz = 0.0  # with respect to z
dx = 0.0  # with respect to x
dy = 0.0  # with respect to y

print("dq =", dq, "  dz =", dz)
print("dx =", dx, "  dy =", dy)
