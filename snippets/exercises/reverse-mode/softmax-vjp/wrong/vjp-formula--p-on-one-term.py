# A softmax layer: p = softmax(s). The layer above sends back dp = dL/dp.
# Write ds = dL/ds without building the 4×4 Jacobian: one dot product,
# then one line per entry.
import math

s = [1.0, 2.0, 0.5, -1.0]               # scores
dp = [0.5, -1.0, 2.0, 0.0]              # the gradient arriving at p

m = max(s)                              # forward pass, computed stably
e = [math.exp(x - m) for x in s]
p = [x / sum(e) for x in e]

# backward pass: p * (dp - dp·p)
dot = sum(g * q for g, q in zip(dp, p))    # dp·p
ds = [q * g - dot for q, g in zip(p, dp)]

print("p  =", [round(x, 4) for x in p])
print("ds =", [round(x, 4) for x in ds])
