# The same circuit, gate by gate:
# forward from the inputs, then backward from the output.
from backprop_core import AddGate, MaxGate, MultiplyGate

mul, mx, add, scale = MultiplyGate(), MaxGate(), AddGate(), MultiplyGate()

# forward pass
q = mul.forward(3.0, -4.0)  # x * y
m = mx.forward(2.0, -1.0)  # max(z, w)
s = add.forward(q, m)  # x*y + max(z, w)
f = scale.forward(2.0, s)  # 2 * (...)
print("forward: q =", q, " m =", m, " s =", s, " f =", f)

# backward pass, starting from df/df = 1
_, ds = scale.backward(1.0)  # multiply: the other input, 2, times 1
dq, dm = add.backward(ds)  # add: the same gradient to both inputs
dx, dy = mul.backward(dq)  # multiply: swap and scale
dz, dw = mx.backward(dm)  # max: all to the larger input
print("backward: ds =", ds, " dq =", dq, " dm =", dm)
print("inputs:   dx =", dx, " dy =", dy, " dz =", dz, " dw =", dw)
