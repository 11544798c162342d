# Bug: the forward value sigma(z) used as if it were the local gradient
# sigma(z) * (1 - sigma(z)).
# The CS231n neuron: f = sigmoid(w0*x0 + w1*x1 + w2).
import math

from backprop_core import Value, grad_check

w0, x0, w1, x1, w2 = 2.0, -1.0, -3.0, -2.0, -3.0
z = w0 * x0 + w1 * x1 + w2            # forward: z = 1
f = 1.0 / (1.0 + math.exp(-z))        # f = sigma(1)

dz = f                                # BUG: should be (1 - f) * f
grads = [x0 * dz, w0 * dz, x1 * dz, w1 * dz, 1.0 * dz]


def neuron(w0, x0, w1, x1, w2):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "x0", "w1", "x1", "w2"]
inputs = [Value(v, n) for v, n in zip([w0, x0, w1, x1, w2], names)]
print(grad_check(neuron, inputs, analytic=grads))

dz = (1 - f) * f
grads = [x0 * dz, w0 * dz, x1 * dz, w1 * dz, 1.0 * dz]
fixed = grad_check(neuron, inputs, analytic=grads)
print(f"with (1 - f) * f = {dz:.4f}:", "passed" if fixed else "FAILED")
