# A kink fools the numerical gradient, not backprop.
# relu(x) at x = 0.000001: the slope is 1, but x - h is below 0.
from backprop_core import Value, grad_check

x = Value(1e-6, label="x")
# the default nudge h = 1e-5 crosses the kink
print(grad_check(lambda x: x.relu(), [x]))
print()
# a nudge smaller than |x| does not
print(grad_check(lambda x: x.relu(), [x], h=1e-8))
