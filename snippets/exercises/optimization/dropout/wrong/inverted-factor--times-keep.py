# A dropout gate in training: each value is kept (mask 1) or dropped (mask 0);
# kept values are divided by keep. The gradient dout arrives at out: write dx.
keep = 0.75
mask = [1.0, 0.0, 1.0, 1.0]             # drawn at random in the forward pass, then fixed
x = [0.5, -1.5, 2.0, 1.0]
dout = [0.25, 1.0, -0.5, 2.0]           # the gradient arriving at out

out = [xi * m / keep for xi, m in zip(x, mask)]     # forward pass

# backward pass: replace the zeros
dx = [g * m * keep for g, m in zip(dout, mask)]

print("out =", [round(v, 4) for v in out])
print("dx  =", [round(v, 4) for v in dx])
