# The 2-D sigmoid neuron f = sigmoid(w0*x0 + w1*x1 + w2).
# The forward pass is given; write the backward pass.
import math

w = [2, -3, -3]  # weights w0, w1 and the bias w2
x = [-1, -2]

# forward pass
dot = w[0] * x[0] + w[1] * x[1] + w[2]
f = 1 / (1 + math.exp(-dot))

# backward pass
ddot = round((1 - f) * f, 4)
dx = [w[0] * ddot, w[1] * ddot]            # multiply gates swap
dw = [x[0] * ddot, x[1] * ddot, 1 * ddot]  # the bias's input is 1

print("ddot =", round(ddot, 4))
print("dx =", [round(g, 4) for g in dx])
print("dw =", [round(g, 4) for g in dw])
