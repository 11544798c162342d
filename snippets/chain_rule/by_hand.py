# The same circuit with explicit gates. Each gate only knows its own
# inputs (cached in forward) and the gradient that arrives from above.
from backprop_core import AddGate, MultiplyGate

x, y, z = -2.0, 5.0, -4.0
add = AddGate()
mul = MultiplyGate()

# Forward pass: inputs to output.
q = add.forward(x, y)
f = mul.forward(q, z)
print("forward:", "q =", q, " f =", f)

# Backward pass: output to inputs. df/df = 1 starts it.
dq, dz = mul.backward(1.0)  # local gradients (z, q) times 1
dx, dy = add.backward(dq)   # local gradients (1, 1) times dq
print("multiply gate sends back: df/dq =", dq, " df/dz =", dz)
print("add gate sends back:      df/dx =", dx, " df/dy =", dy)
