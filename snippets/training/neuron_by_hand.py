# The same step with explicit gates, as in the Hacker's guide:
# each gate caches its inputs in forward() and uses them in backward().
from backprop_core import AddGate, MultiplyGate, SigmoidGate

a, b, c, x, y = 1.0, 2.0, -3.0, -1.0, 3.0

mul_ax, mul_by = MultiplyGate(), MultiplyGate()
add_1, add_2 = AddGate(), AddGate()
sig = SigmoidGate()


def forward():
    ax = mul_ax.forward(a, x)
    by = mul_by.forward(b, y)
    s = add_1.forward(ax, by)
    s = add_2.forward(s, c)
    return sig.forward(s)


f = forward()
print(f"forward: f = {f:.4f}")

# backward: start with df/df = 1 and walk the gates in reverse
d_sum = sig.backward(1.0)              # sigma(2) * (1 - sigma(2))
d_axby, dc = add_2.backward(d_sum)     # add gates pass it on
dax, dby = add_1.backward(d_axby)
da, dx = mul_ax.backward(dax)          # multiply gates swap
db, dy = mul_by.backward(dby)
print(f"gradients: a {da:.4f}, b {db:.4f}, c {dc:.4f},"
      f" x {dx:.4f}, y {dy:.4f}")

step_size = 0.01
a += step_size * da
b += step_size * db
c += step_size * dc
x += step_size * dx
y += step_size * dy
print(f"after one step: f = {forward():.4f}")
