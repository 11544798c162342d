# A learner's sigmoid neuron, as they wrote it. Python stops at the
# second line of the forward pass.
import math

w = [2.0, -3.0, -3.0]  # weights; w[2] is the bias
x = [-1.0, -2.0]

# forward pass
product = [w[0] * x[0] + w[1] * x[1] + w[2]]
activation = 1 / 1 + math.exp(-product)

# backward pass
grad_product = (1 - activation) * activation
grad_x = [w[0] * activation + w[2] * activation]
grad_w = [x[0] * activation + x[1] * activation + 1 * activation]
