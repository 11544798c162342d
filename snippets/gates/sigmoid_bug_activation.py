# Bug 2: the activation used where its local gradient belongs.
# ddot must be the sigmoid's slope (1 - f) * f, not its output f.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]
x = [-1.0, -2.0]

dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1.0 / (1 + math.exp(-dot))
ddot = f  # BUG: should be (1 - f) * f
dx = [w[0] * ddot, w[1] * ddot]
dw = [x[0] * ddot, x[1] * ddot, 1 * ddot]


def neuron(w0, w1, w2, x0, x1):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "w1", "w2", "x0", "x1"]
inputs = [Value(v, label=n) for v, n in zip(w + x, names)]
print(grad_check(neuron, inputs, analytic=dw + dx))
