# f = (a + b) / (c + d): two add gates feed a divide gate.
# The forward pass is given; write the backward pass.
a, b, c, d = 2, 4, 1, 3

# forward pass
num = a + b
den = c + d
f = num / den

# backward pass
dnum = 1 / c + d        # local gradients of num / den
dden = -num / den**2
da = dnum               # the add gates copy
db = dnum
dc = dden
dd = dden

print("dnum =", dnum, "  dden =", dden)
print("da =", da, "  db =", db, "  dc =", dc, "  dd =", dd)
