# One step of gradient ascent: nudge every input along its gradient.
from backprop_core import Value

a, b, c = Value(1.0, "a"), Value(2.0, "b"), Value(-3.0, "c")
x, y = Value(-1.0, "x"), Value(3.0, "y")
inputs = [a, b, c, x, y]


def neuron():
    return (a * x + b * y + c).sigmoid()


f = neuron()
f.backward()
print(f"before the step: f = {f.data:.4f}")

step_size = 0.01
for v in inputs:
    v.data += step_size * v.grad     # ascent: + (descent would be -)

print("new values:", "  ".join(f"{v.label} {v.data:.5f}"
                               for v in inputs))
f_new = neuron()
print(f"after the step:  f = {f_new.data:.4f}")
print(f"change:            {f_new.data - f.data:+.4f}")
