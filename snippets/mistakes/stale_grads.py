# Bug: stale gradients. backward() adds to .grad: call it twice and
# the gradients double.
from backprop_core import Value, grad_check

x, y = Value(-2.0, label="x"), Value(3.0, label="y")
f = x * y
f.backward()
f.backward()      # BUG: e.g. a training loop that never resets .grad
print(f"x.grad = {x.grad}, y.grad = {y.grad}")
print(grad_check(lambda x, y: x * y, [x, y], analytic=[x.grad, y.grad]))

f.zero_grad()                  # the fix: reset, then one backward()
f.backward()
fixed = grad_check(lambda x, y: x * y, [x, y],
                   analytic=[x.grad, y.grad])
print("after zero_grad():", "passed" if fixed else "FAILED")
