# The gradient through a chain of layers is the product of their local
# gradients. One number per layer: h = act(w * h), repeated `depth` times.
from backprop_core import Value


def gradient(act, w, depth):
    x = Value(0.5)
    h = x
    for _ in range(depth):
        h = act(h * w)
    h.backward()
    return x.grad


print("depth   sigmoid w=1   tanh w=1   ReLU w=1.5   ReLU w=0.5")
for depth in (1, 5, 10, 20, 50):
    print(f"{depth:5d} {gradient(Value.sigmoid, 1.0, depth):13.1e}"
          f" {gradient(Value.tanh, 1.0, depth):10.1e}"
          f" {gradient(Value.relu, 1.5, depth):12.1e}"
          f" {gradient(Value.relu, 0.5, depth):12.1e}")
