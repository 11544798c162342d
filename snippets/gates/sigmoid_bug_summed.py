# Bug 3: gradients summed that should stay per component. Each weight
# has its own gradient, its own input times ddot; one total for all is wrong.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]
x = [-1.0, -2.0]

dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1.0 / (1 + math.exp(-dot))
ddot = (1 - f) * f
dx = [w[0] * ddot, w[1] * ddot]
dw_total = 0.0
for xi in x + [1.0]:  # the inputs of the three weights: x0, x1 and 1
    dw_total += xi * ddot  # BUG: adds up what belongs to different weights
dw = [dw_total, dw_total, dw_total]


def neuron(w0, w1, w2, x0, x1):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "w1", "w2", "x0", "x1"]
inputs = [Value(v, label=n) for v, n in zip(w + x, names)]
print(grad_check(neuron, inputs, analytic=dw + dx))
