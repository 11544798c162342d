# The 2-D sigmoid neuron f = sigmoid(w0*x0 + w1*x1 + w2).
# The forward pass is given; write the backward pass.
import math

w0, w1, w2 = 2, -3, -3  # weights and bias
w = [w0, w1, w2]
x0, x1 = -1, -2
x = [x0, x1]

# forward pass
dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1 / (1 + math.exp(-dot))

# backward pass
ddot = (1 - f) * f                         # the sigmoid's local gradient
dx = [w0 * ddot, w1 * ddot]
dw = [x0 * ddot, x1 * ddot, 1 * ddot]

print("ddot =", round(ddot, 4))
print("dx =", [round(g, 4) for g in dx])
print("dw =", [round(g, 4) for g in dw])
