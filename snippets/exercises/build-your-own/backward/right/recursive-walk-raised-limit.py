# The page's Value, with backward() to write: put the nodes in a
# topological order, then walk it backwards. The checker runs your engine on
# many expressions, among them a reused inner node and a chain 5000 gates deep.
import math
import sys

sys.setrecursionlimit(100_000)  # the recursive walk below goes 5000 calls deep


class Value:
    def __init__(self, data, inputs=(), local_grads=()):
        self.data = data
        self.grad = 0.0
        self.inputs = inputs            # the Values this one was computed from
        self.local_grads = local_grads  # d(self)/d(input), one per input

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def __pow__(self, c):               # c is a plain number
        return Value(self.data ** c, (self,), (c * self.data ** (c - 1),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t * t,))

    def relu(self):
        return Value(max(0.0, self.data), (self,), (1.0 if self.data > 0 else 0.0,))

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    __radd__ = __add__
    __rmul__ = __mul__

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"


def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for inp in node.inputs:
                visit(inp)
            order.append(node)

    visit(root)
    return order


def backward(self):
    order = topological_order(self)
    self.grad = 1.0
    for node in reversed(order):
        for inp, local in zip(node.inputs, node.local_grads):
            inp.grad += local * node.grad


def zero_grad(self):
    for node in topological_order(self):
        node.grad = 0.0


Value.backward, Value.zero_grad = backward, zero_grad

x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
f = (x + y) * z
f.backward()
print("(x + y) * z:", x.grad, y.grad, z.grad, "  (should be -4.0 -4.0 3.0)")
a = Value(3.0)
b = a + a
c = b + b
c.backward()
print("b = a + a; c = b + b: a.grad =", a.grad, "  (should be 4.0)")
