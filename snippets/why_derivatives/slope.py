# One weight w and the loss L(w) = (w - 3)**2, smallest at w = 3.
# Its derivative, 2 * (w - 3), says which way is downhill and how steep.
from backprop_core import Value

h = 0.001
print("   w      L   dL/dw   (L(w + h) - L(w)) / h")
for w0 in (0.0, 2.0, 3.0, 5.0):
    w = Value(w0)
    L = (w - 3) ** 2
    L.backward()                          # fills in w.grad = dL/dw
    nudged = (w0 + h - 3) ** 2            # the loss a little to the right
    print(f"{w0:4.1f} {L.data:6.1f} {w.grad:7.1f} {(nudged - L.data) / h:14.3f}")
