# The same gate by hand: forward caches the inputs, backward multiplies
# each local gradient by the gradient that arrives from above.
from backprop_core import MultiplyGate

gate = MultiplyGate()
out = gate.forward(-2.0, 3.0)
print("forward:", out)

print("local gradients (d out/dx, d out/dy):", gate.local_grads())

# Suppose the rest of the circuit sends back an upstream gradient of -4.
dx, dy = gate.backward(-4.0)
print("gradients with upstream -4:", dx, dy)
