# Your turn: write backward() yourself, then run. It is checked at the
# circuit (x + y) * z and at a reused inner node.
def my_backward(self):
    order = topological_order(self)
    # ... set the output's gradient, then walk `order` backwards and, for each
    # node, add local gradient * node.grad to the grad of each of its inputs
    pass


Value.backward = my_backward
x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
((x + y) * z).backward()
a = Value(3.0)
b = a + a
(b + b).backward()
for name, got, want in [("x", x.grad, -4.0), ("y", y.grad, -4.0),
                        ("z", z.grad, 3.0), ("a", a.grad, 4.0)]:
    print(f"{name}.grad = {got:5.1f}   {'ok' if got == want else f'not yet, should be {want}'}")
