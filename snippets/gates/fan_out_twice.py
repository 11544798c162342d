# backward() adds to the gradients of the inputs, it does not overwrite them:
# call it twice and a.grad doubles. zero_grad() starts again from zero.
from backprop_core import Value

a = Value(3.0, label="a")
c = a * a + 1

c.backward()
print("one backward():            a.grad =", a.grad)
c.backward()
print("a second backward():       a.grad =", a.grad)

c.zero_grad()
c.backward()
print("zero_grad(), backward():   a.grad =", a.grad)
