# Backprop through the 2-layer network by hand, as the Hacker's guide
# writes it, for one data point; compared with Value and backward().
import random

from backprop_core import Value
from backprop_core.text import display_width, ljust, rjust  # a CJK character takes 2 columns

rng = random.Random(0)
start = [rng.random() - 0.5 for _ in range(13)]  # as in the training
a1, b1, c1, a2, b2, c2, a3, b3, c3, a4, b4, c4, d4 = start
x, y, label = 1.2, 0.7, 1                        # the first data point

# forward
n1 = max(0.0, a1 * x + b1 * y + c1)
n2 = max(0.0, a2 * x + b2 * y + c2)
n3 = max(0.0, a3 * x + b3 * y + c3)
score = a4 * n1 + b4 * n2 + c4 * n3 + d4

# the pull on top
pull = 0.0
if label == 1 and score < 1:
    pull = 1.0
if label == -1 and score > -1:
    pull = -1.0

# backward: the output neuron (multiply gates swap)
dscore = pull
da4, dn1 = n1 * dscore, a4 * dscore
db4, dn2 = n2 * dscore, b4 * dscore
dc4, dn3 = n3 * dscore, c4 * dscore
dd4 = 1.0 * dscore
# the ReLUs: no gradient through a neuron that did not fire
dn1 = 0.0 if n1 == 0 else dn1
dn2 = 0.0 if n2 == 0 else dn2
dn3 = 0.0 if n3 == 0 else dn3
# the hidden neurons
da1, db1, dc1 = x * dn1, y * dn1, 1.0 * dn1
da2, db2, dc2 = x * dn2, y * dn2, 1.0 * dn2
da3, db3, dc3 = x * dn3, y * dn3, 1.0 * dn3
by_hand = [da1, db1, dc1, da2, db2, dc2, da3, db3, dc3,
           da4, db4, dc4, dd4]

# the same with Value: the pulls are the negative gradients
# of the hinge loss
names = "a1 b1 c1 a2 b2 c2 a3 b3 c3 a4 b4 c4 d4".split()
P = [Value(v, label=n) for v, n in zip(start, names)]
h = [(P[k] * x + P[k + 1] * y + P[k + 2]).relu() for k in (0, 3, 6)]
s = P[9] * h[0] + P[10] * h[1] + P[11] * h[2] + P[12]
loss = (1 - label * s).relu()
loss.backward()

fired = [n > 0 for n in (n1, n2, n3)]
print(f"score {score:.4f}, pull {pull:+.0f}, neurons fired: {fired}")
heads = ["param", "pull", "-gradient"]
w = [max(6, display_width(h)) for h in heads]  # each column as wide as its heading
print(ljust(heads[0], w[0]), rjust(heads[1], w[1] + 2), rjust(heads[2], w[2] + 2))
for name, p, v in zip(names, by_hand, P):
    print(ljust(name, w[0]), rjust(f"{p:+.4f}", w[1] + 2), rjust(f"{-v.grad + 0.0:+.4f}", w[2] + 2))
same = all(abs(p + v.grad) < 1e-12 for p, v in zip(by_hand, P))
print("all equal:", same)
