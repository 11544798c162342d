# The gradient is a sensitivity: nudge one weight, watch the loss move.
# One sigmoid neuron, one example with label y = 0, cross-entropy loss.
from backprop_core import Value

x = [-1.0, -2.0]
y = 0.0


def loss(w0, w1, b):
    p = (w0 * x[0] + w1 * x[1] + b).sigmoid()
    return -(y * p.log() + (1 - y) * (1 - p).log())


w = [Value(2.0, label="w0"), Value(-3.0, label="w1"), Value(-3.0, label="b")]
L = loss(*w)
L.backward()
print(f"loss = {L.data:.4f}")

h = 0.001
print("weight   gradient   (L(w + h) - L(w)) / h")
for i, wi in enumerate(w):
    nudged = [Value(v.data + h) if j == i else Value(v.data) for j, v in enumerate(w)]
    slope = (loss(*nudged).data - L.data) / h
    print(f"{wi.label:<6} {wi.grad:>10.4f} {slope:>12.4f}")

# One gradient descent step moves all three weights at once, downhill.
lr = 0.5
new_w = [Value(v.data - lr * v.grad) for v in w]
print(f"after one step with learning rate {lr}: loss = {loss(*new_w).data:.4f}")
