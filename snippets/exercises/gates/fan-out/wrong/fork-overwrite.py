# f = x * y + x: x is used twice.
# The forward pass is given; write the backward pass.
x, y = 3, -4

# forward pass
q = x * y  # the multiply gate
f = q + x  # the add gate: x enters a second time

# backward pass
dq = 1.0       # the add gate copies df/df = 1 to q ...
dx = 1.0       # ... and to x: the first path into x
dx = y * dq   # the second path into x, through the multiply gate
dy = x * dq

print("dq =", dq)
print("dx =", dx, "  dy =", dy)
