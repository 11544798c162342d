# f = x * y + x: x is used twice.
# The forward pass is given; write the backward pass.
x, y = 3, -4

# forward pass
q = x * y  # the multiply gate
f = q + x  # the add gate: x enters a second time

# backward pass: replace each 0.0 by the gradient of f
dq = 0.0  # with respect to q
dx = 0.0  # with respect to x
dy = 0.0  # with respect to y

print("dq =", dq)
print("dx =", dx, "  dy =", dy)
