# The max gate by hand: the local gradient is 1 for the larger input
# and 0 for the other one.
from backprop_core import MaxGate

gate = MaxGate()
out = gate.forward(2.0, -1.0)
print("forward:", out)
print("local gradients (d out/dx, d out/dy):", gate.local_grads())

# Whatever arrives from above is routed, whole, to the winner.
dx, dy = gate.backward(5.0)
print("gradients with upstream 5:", dx, dy)

# On a tie the first input wins.
gate.forward(3.0, 3.0)
print("tie at 3:", gate.backward(5.0))
