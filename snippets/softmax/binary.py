# Two classes: a sigmoid neuron z = w0*x0 + w1*x1 + b, p = sigmoid(z),
# and the binary cross-entropy. Its gradient is (p - y) times each input,
# and p - y for the bias (whose input is 1).
from backprop_core import Value

x, y = [-1.0, -2.0], 0.0                 # one example and its label
w0, w1, b = Value(2.0), Value(-3.0), Value(-3.0)
z = w0 * x[0] + w1 * x[1] + b
p = z.sigmoid()
loss = -(y * p.log() + (1 - y) * (1 - p).log())
loss.backward()

print(f"z = {z.data:.4f}, p = {p.data:.4f}, loss = {loss.data:.4f}")
print(f"dL/dz = {z.grad:.4f}    p - y = {p.data - y:.4f}")
print(f"dL/dw0 = {w0.grad:.4f}   (p - y) * x0 = {(p.data - y) * x[0]:.4f}")
print(f"dL/dw1 = {w1.grad:.4f}   (p - y) * x1 = {(p.data - y) * x[1]:.4f}")
print(f"dL/db  = {b.grad:.4f}   (p - y) * 1  = {p.data - y:.4f}")
