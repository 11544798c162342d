# The same loss for a confident score: sigmoid(40) rounds to 1.0,
# so log(1 - p) is log(0).
from backprop_core import Value

z, y = Value(40.0), 0.0
p = z.sigmoid()
print("p =", p.data)
try:
    loss = -(y * p.log() + (1 - y) * (1 - p).log())
except ValueError as error:
    print("ValueError:", error)
