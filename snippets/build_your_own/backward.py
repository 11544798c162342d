# The real thing: put every node after all the nodes it was computed from
# (a topological order), then walk that order backwards. A loop with an
# explicit stack instead of recursion, so a deep graph works too.
def topological_order(root):
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, inputs_done = stack.pop()
        if inputs_done:
            order.append(node)          # every input is already in order
        elif node not in seen:
            seen.add(node)
            stack.append((node, True))  # come back after the inputs
            stack.extend((inp, False) for inp in node.inputs)
    return order


def backward(self):
    self.grad = 1.0
    for node in reversed(topological_order(self)):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * node.grad   # += : a value used twice adds up


def zero_grad(self):
    for node in topological_order(self):
        node.grad = 0.0


Value.backward, Value.zero_grad = backward, zero_grad

a = Value(3.0)
b = a + a
c = b + b
c.backward()
print("topological order: a.grad =", a.grad)
c.backward()
print("second backward:   a.grad =", a.grad, " (every grad accumulates)")
c.zero_grad()
c.backward()
print("after zero_grad:   a.grad =", a.grad)

x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
f = (x + y) * z
f.backward()
print("(x + y) * z:", x.grad, y.grad, z.grad)
