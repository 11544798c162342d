# The neuron's forward and backward pass written out by hand,
# then checked against the numerical gradient.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]  # weights and bias
x = [-1.0, -2.0]

# forward pass
dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1.0 / (1 + math.exp(-dot))  # sigmoid function

# backward pass
ddot = (1 - f) * f  # local gradient of the sigmoid, times upstream 1
dx = [w[0] * ddot, w[1] * ddot]  # backprop into x
dw = [x[0] * ddot, x[1] * ddot, 1 * ddot]  # backprop into w
print(f"f = {f:.4f}, ddot = {ddot:.4f}")
print("dw =", [round(g, 4) for g in dw])
print("dx =", [round(g, 4) for g in dx])


def neuron(w0, w1, w2, x0, x1):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "w1", "w2", "x0", "x1"]
inputs = [Value(v, label=n) for v, n in zip(w + x, names)]
print(grad_check(neuron, inputs, analytic=dw + dx))
