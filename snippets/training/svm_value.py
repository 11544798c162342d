# The SVM's loss for one data point with Value: hinge loss plus
# regularization. backward() gives the gradients; the "pulls" are
# exactly their negatives.
from backprop_core import Value
from backprop_core.text import display_width, ljust  # a CJK character takes 2 columns

data = [[1.2, 0.7], [-0.3, -0.5], [3.0, 0.1],
        [-0.1, -1.0], [-1.0, 1.1], [2.1, -3.0]]
labels = [1, -1, 1, -1, -1, 1]


def loss_of(a, b, c, x, y, label):
    score = a * x + b * y + c
    hinge = (1 - label * score).relu()      # max(0, 1 - label * score)
    return hinge + 0.5 * (a * a + b * b)    # regularization on a and b


def pulls(a, b, c, x, y, label):
    s = a * x + b * y + c
    pull = 0.0
    if label == 1 and s < 1:
        pull = 1.0
    if label == -1 and s > -1:
        pull = -1.0
    return [x * pull - a, y * pull - b, pull]


def params():
    return Value(1.0, "a"), Value(-2.0, "b"), Value(-1.0, "c")


def fmt(vs):
    return ", ".join(f"{v:+.1f}" for v in vs)


heads = ["point", "pulls on a, b, c", "-gradients (a, b, c)"]
w = [max(18, display_width(h)) for h in heads[1:]]  # each column as wide as its heading
print(ljust(heads[0], 12), ljust(heads[1], w[0]), ljust(heads[2], w[1]))
for (x, y), label in zip(data, labels):
    a, b, c = params()
    loss = loss_of(a, b, c, x, y, label)
    loss.backward()
    p = pulls(1.0, -2.0, -1.0, x, y, label)
    g = [-a.grad + 0.0, -b.grad + 0.0, -c.grad + 0.0]  # + 0.0: no -0.0
    same = "same" if p == g else "DIFFERENT"
    print(f"[{x:4.1f}, {y:4.1f}]", ljust(fmt(p), w[0]), ljust(fmt(g), w[1]), same)

# The circuit for the first point, whose margin is violated
a, b, c = params()
loss = loss_of(a, b, c, 1.2, 0.7, 1)
loss.label = "loss"
loss.backward()
loss
