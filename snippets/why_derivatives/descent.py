# Gradient descent on L(w) = (w - 3)**2: step against the slope, repeat.
from backprop_core import Value

w = Value(0.0)
learning_rate = 0.1
for step in range(8):
    L = (w - 3) ** 2
    w.grad = 0.0
    L.backward()
    print(f"step {step}: w = {w.data:.4f}, L = {L.data:.4f}, dL/dw = {w.grad:.4f}")
    w.data -= learning_rate * w.grad      # downhill: against the slope
