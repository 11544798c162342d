# f = (a + b) / (c + d): two add gates feed a divide gate.
# The forward pass is given; write the backward pass.
a, b, c, d = 2, 4, 1, 3

# forward pass
num = a + b
den = c + d
f = num / den

# backward pass
dnum = 0.25
dden = -0.375
da = dnum               # the add gates copy
db = dnum
dc = dden
dd = dden

print("dnum =", dnum, "  dden =", dden)
print("da =", da, "  db =", db, "  dc =", dc, "  dd =", dd)
