# The learner's neuron with every line repaired, in their names,
# checked input by input against the numerical gradient.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]  # weights; w[2] is the bias
x = [-1.0, -2.0]

# forward pass
product = w[0] * x[0] + w[1] * x[1] + w[2]
activation = 1.0 / (1 + math.exp(-product))

# backward pass
grad_product = (1 - activation) * activation  # local gradient of the sigmoid
grad_x = [w[0] * grad_product, w[1] * grad_product]  # one entry per input
grad_w = [x[0] * grad_product, x[1] * grad_product, 1 * grad_product]
print("grad_w =", [round(g, 4) for g in grad_w])
print("grad_x =", [round(g, 4) for g in grad_x])


def neuron(w0, w1, w2, x0, x1):
    return (w0 * x0 + w1 * x1 + w2).sigmoid()


names = ["w0", "w1", "w2", "x0", "x1"]
inputs = [Value(v, label=n) for v, n in zip(w + x, names)]
print(grad_check(neuron, inputs, analytic=grad_w + grad_x))
