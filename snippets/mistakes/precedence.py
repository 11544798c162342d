# Bug: operator precedence. 1 / 1 + exp(-x) is (1 / 1) + exp(-x), not the sigmoid.
import math

from backprop_core import Value, grad_check


def my_sigmoid(x):
    return 1 / 1 + math.exp(-x)       # BUG: should be 1 / (1 + math.exp(-x))


x = 1.0
s = my_sigmoid(x)                     # forward, cached
ds = s * (1 - s)                      # backward: the right formula, the wrong s
print(f"my_sigmoid(1) = {s:.4f}, but sigmoid(1) = {Value(1.0).sigmoid().data:.4f}")

# Check the hand-written pair (forward and backward) against itself:
print(grad_check(lambda v: my_sigmoid(v.data), [Value(x, label="x")], analytic=[ds]))
