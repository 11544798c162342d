# A tanh neuron, forward and backward by hand. One line of the
# backward pass is wrong: find it, fix it, and press Check.
import math

w = [0.5, -1.5]  # weights
b = 0.25         # bias
x = [2, 1]       # inputs

# forward pass
z = w[0] * x[0] + w[1] * x[1] + b
t = math.tanh(z)

# backward pass
dz = 1 - t**2                  # local gradient of tanh
dw = [w[0] * dz, w[1] * dz]
dx = [x[0] * dz, x[1] * dz]
db = 1 * dz

print(f"t = {t:.4f}   dz = {dz:.4f}")
print("dw =", [round(g, 4) for g in dw], "  db =", round(db, 4))
print("dx =", [round(g, 4) for g in dx])
