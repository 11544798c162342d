# The sigmoid gate by hand: forward caches the output, because the
# local gradient is written in terms of it: s * (1 - s).
from backprop_core import SigmoidGate

gate = SigmoidGate()
s = gate.forward(1.0)
print(f"forward: sigma(1) = {s:.4f}")
(local,) = gate.local_grads()
print(f"local gradient s * (1 - s) = {local:.4f}")

for x in (-5.0, 0.0, 3.0, 5.0):
    g = SigmoidGate()
    g.forward(x)
    print(f"x = {x:>4}: local gradient {g.backward(1.0):.4f}")
