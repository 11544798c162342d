# Two weights: a line y = w * x + b fitted to three points, with the mean
# squared error as the loss. Nudge one weight, hold the other, watch the loss.
from backprop_core import Value

points = [(1.0, 2.0), (2.0, 3.0), (3.0, 5.0)]


def loss(w, b):
    return sum((w * x + b - y) ** 2 for x, y in points) / len(points)


w, b = Value(0.5, label="w"), Value(0.0, label="b")
L = loss(w, b)
L.backward()
print(f"loss = {L.data:.4f}")

h = 0.001
print("weight   gradient   (L(nudged) - L) / h")
print(f"w      {w.grad:10.4f} {(loss(0.5 + h, 0.0) - L.data) / h:14.4f}")
print(f"b      {b.grad:10.4f} {(loss(0.5, 0.0 + h) - L.data) / h:14.4f}")

# One step of gradient descent moves both weights at once, downhill.
lr = 0.1
new_loss = loss(w.data - lr * w.grad, b.data - lr * b.grad)
print(f"after one step with learning rate {lr}: loss = {new_loss:.4f}")
