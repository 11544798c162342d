# The bias is a weight on an input that is always 1. Make that input
# visible: dot = w0*x0 + w1*x1 + w2*one, with one = 1.
from backprop_core import Value

w = [Value(2.0, label="w0"), Value(-3.0, label="w1"), Value(-3.0, label="w2")]
x = [Value(-1.0, label="x0"), Value(-2.0, label="x1")]
one = Value(1.0, label="one")

dot = w[0] * x[0] + w[1] * x[1] + w[2] * one
dot.label = "dot"
f = dot.sigmoid()
f.label = "f"
f.backward()

print(f"ddot = {dot.grad:.4f}")
print(f"dw2  = {w[2].grad:.4f}   (= one * ddot)")
print(f"dw0  = {w[0].grad:.4f}   (= x0 * ddot)")
f
