# Why an order is needed: a tempting backward pass that walks from the output
# into the inputs, and the reused inner node b = a + a; c = b + b.
def naive_backward(node):
    for inp, local in zip(node.inputs, node.local_grads):
        inp.grad += local * node.grad
    for inp in node.inputs:
        naive_backward(inp)             # b is reached twice: once per use


a = Value(3.0)
b = a + a
c = b + b                               # c = 4a, so dc/da = 4
c.grad = 1.0
naive_backward(c)
print("naive walk: a.grad =", a.grad, "  (dc/da is 4)")
