# f = (a + b) / (c + d): two add gates feed a divide gate.
# The forward pass is given; write the backward pass.
a, b, c, d = 2, 4, 1, 3

# forward pass
num = a + b
den = c + d
f = num / den

# backward pass: replace each 0.0 by the gradient of f
dnum = 0.0  # with respect to num
dden = 0.0  # with respect to den
da = 0.0
db = 0.0
dc = 0.0
dd = 0.0

print("dnum =", dnum, "  dden =", dden)
print("da =", da, "  db =", db, "  dc =", dc, "  dd =", dd)
