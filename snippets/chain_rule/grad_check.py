# Nudge each input a tiny bit and measure: the numerical gradient agrees
# with what backpropagation computed.
from backprop_core import Value, grad_check

inputs = [Value(-2.0, label="x"), Value(5.0, label="y"), Value(-4.0, label="z")]
print(grad_check(lambda x, y, z: (x + y) * z, inputs))
