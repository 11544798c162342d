# A kink fools the numerical gradient, not backprop.
# relu(x) at x = 0.000001: the slope is 1, but x - h lies on the other side of 0.
from backprop_core import Value, grad_check

x = Value(1e-6, label="x")
print(grad_check(lambda x: x.relu(), [x]))            # the default h = 1e-5 crosses the kink
print()
print(grad_check(lambda x: x.relu(), [x], h=1e-8))    # a nudge smaller than |x| does not
