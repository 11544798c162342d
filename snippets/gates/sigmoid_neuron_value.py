# A 2-D sigmoid neuron: f = sigma(w0*x0 + w1*x1 + w2), where w2 is the bias.
from backprop_core import Value

w = [Value(2.0, label="w0"), Value(-3.0, label="w1"), Value(-3.0, label="w2")]
x = [Value(-1.0, label="x0"), Value(-2.0, label="x1")]

dot = w[0] * x[0] + w[1] * x[1] + w[2]
dot.label = "dot"
f = dot.sigmoid()
f.label = "f"
f.backward()

print(f"dot = {dot.data}, f = {f.data:.4f}")
print("dw =", [round(wi.grad, 4) for wi in w])
print("dx =", [round(xi.grad, 4) for xi in x])
f
