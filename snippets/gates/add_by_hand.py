# The add gate by hand: the local gradients are both 1,
# so backward hands the upstream gradient to each input unchanged.
from backprop_core import AddGate

gate = AddGate()
out = gate.forward(-2.0, 5.0)
print("forward:", out)

print("local gradients (d out/dx, d out/dy):", gate.local_grads())

# Suppose the rest of the circuit sends back an upstream gradient of -4.
dx, dy = gate.backward(-4.0)
print("gradients with upstream -4:", dx, dy)
