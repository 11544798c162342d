# The same neuron with the forward pass repaired. The backward pass is
# still the learner's: grad_w and grad_x are printed; then grad_w, split
# into one entry per weight, goes to grad_check.
import math

from backprop_core import Value, grad_check

w = [2.0, -3.0, -3.0]  # weights; w[2] is the bias
x = [-1.0, -2.0]

# forward pass
product = w[0] * x[0] + w[1] * x[1] + w[2]  # a number, not a list
activation = 1.0 / (1 + math.exp(-product))  # parentheses around 1 + e^-product
print(f"product = {product}, activation = {activation:.4f}")

# backward pass, as the learner wrote it
grad_product = (1 - activation) * activation
grad_x = [w[0] * activation + w[2] * activation]
grad_w = [x[0] * activation + x[1] * activation + 1 * activation]
print(f"grad_product = {grad_product:.4f}")
print(f"grad_w = {[round(g, 4) for g in grad_w]}: {len(grad_w)} entry for {len(w)} weights")
print(f"grad_x = {[round(g, 4) for g in grad_x]}: {len(grad_x)} entry for {len(x)} inputs")

# one entry per weight, still with activation where grad_product belongs
per_weight = [x[0] * activation, x[1] * activation, 1 * activation]


def neuron_of_w(w0, w1, w2):
    return (w0 * x[0] + w1 * x[1] + w2).sigmoid()


weights = [Value(v, label=n) for v, n in zip(w, ["w0", "w1", "w2"])]
print(grad_check(neuron_of_w, weights, analytic=per_weight))
