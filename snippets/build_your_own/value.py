# A Value you can hold in your head. Each operation computes its result and
# stores its local gradients right beside it: d(out)/d(input), one per input.
import math


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


x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
f = (x + y) * z
print(f)
print("f was computed from", f.inputs, "with local gradients", f.local_grads)
