# (a + b) / (c + d) by hand, twice: with a divide gate, and with
# multiply and 1/x gates, the way CS231n splits a division.
from backprop_core import AddGate, DivideGate, MultiplyGate, PowerGate

a, b, c, d = 2.0, 4.0, 1.0, 3.0

add_top, add_bottom, div = AddGate(), AddGate(), DivideGate()
num = add_top.forward(a, b)
den = add_bottom.forward(c, d)
f = div.forward(num, den)
dnum, dden = div.backward(1.0)  # local gradients 1/den and -num/den^2
da, db = add_top.backward(dnum)
dc, dd = add_bottom.backward(dden)
print("divide gate:       f =", f, " grads", (da, db, dc, dd))

# The same with f = num * (1/den)
add_top, add_bottom, inv, mul = AddGate(), AddGate(), PowerGate(-1), MultiplyGate()
num = add_top.forward(a, b)
den = add_bottom.forward(c, d)
inv_den = inv.forward(den)
f = mul.forward(num, inv_den)
dnum, dinv = mul.backward(1.0)  # multiply swaps: (inv_den, num)
dden = inv.backward(dinv)  # -1/den^2 times the upstream gradient
da, db = add_top.backward(dnum)
dc, dd = add_bottom.backward(dden)
print("multiply and 1/x:  f =", f, " grads", (da, db, dc, dd))
