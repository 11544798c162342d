# A dead ReLU: a neuron relu(w*x + b) whose input is negative for
# every example gets no gradient at all, so gradient descent cannot
# move w or b while the data stay the same.
from backprop_core import Value

data = [-1.0, 0.5, 2.0, 3.0]
for b_start in [0.0, -10.0]:
    w = Value(1.0, label="w")
    b = Value(b_start, label="b")
    total = sum((w * x + b).relu() for x in data)  # a stand-in for a loss
    total.backward()
    print(f"b = {b_start:6}:   d total/dw = {w.grad}   d total/db = {b.grad}")
