# Bug 1: operator precedence. 1 / 1 + math.exp(-dot) is (1 / 1) + e^-dot,
# not 1 / (1 + e^-dot). The backward pass is right, the forward value is not.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]
x = [-1.0, -2.0]

dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1 / 1 + math.exp(-dot)  # BUG: missing parentheses
ddot = (1 - f) * f
dx = [w[0] * ddot, w[1] * ddot]
dw = [x[0] * ddot, x[1] * ddot, 1 * ddot]
print(f"f = {f:.4f}   (a sigmoid output is always between 0 and 1)")


def neuron(w0, w1, w2, x0, x1):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "w1", "w2", "x0", "x1"]
inputs = [Value(v, label=n) for v, n in zip(w + x, names)]
print(grad_check(neuron, inputs, analytic=dw + dx))
