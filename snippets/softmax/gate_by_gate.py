# Softmax and cross-entropy for 3 classes, built gate by gate:
# exp gates, one sum gate, a divide gate, a log gate and a minus.
from backprop_core import Value

s = [Value(3.2, label="s0"), Value(5.1, label="s1"), Value(-1.7, label="s2")]
y = 0                                  # the right class
e = [sk.exp() for sk in s]
total = Value.sum(e)
p = [ek / total for ek in e]           # the probabilities
loss = -p[y].log()                     # cross-entropy: -log p_y
loss.label = "loss"
loss.backward()

print("class   p       p - y    dL/ds")
for k in range(3):
    target = 1.0 if k == y else 0.0
    print(f"{k:>5} {p[k].data:7.4f} {p[k].data - target:8.4f} {s[k].grad:8.4f}")
print(f"loss = {loss.data:.4f}")
loss
