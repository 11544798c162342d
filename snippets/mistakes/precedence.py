# Bug: operator precedence. 1 / 1 + exp(-x) means (1 / 1) + exp(-x).
import math

from backprop_core import Value, grad_check


def my_sigmoid(x):
    return 1 / 1 + math.exp(-x)   # BUG: should be 1 / (1 + ...)


x = 1.0
s = my_sigmoid(x)                     # forward, cached
ds = s * (1 - s)                      # backward: right formula, wrong s
true_s = Value(1.0).sigmoid().data
print(f"my_sigmoid(1) = {s:.4f}, but sigmoid(1) = {true_s:.4f}")

# Check the hand-written pair (forward and backward) against itself:
check = grad_check(lambda v: my_sigmoid(v.data), [Value(x, label="x")],
                   analytic=[ds])
print(check)


def sigmoid(x):
    return 1 / (1 + math.exp(-x))   # the fix: parentheses


s = sigmoid(x)
ds = s * (1 - s)
fixed = grad_check(lambda v: sigmoid(v.data), [Value(x, label="x")],
                   analytic=[ds])
print("with parentheses:", "passed" if fixed else "FAILED")
