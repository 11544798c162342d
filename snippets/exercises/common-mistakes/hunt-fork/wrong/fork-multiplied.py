# f = (a * b + c) * a, forward and backward by hand. One line of the
# backward pass is wrong: find it, fix it, and press Check.
a, b, c = 2, -3, 4

# forward pass
p = a * b  # p = -6
q = p + c  # q = -2
f = q * a  # f = -4

# backward pass
dq = a       # f = q * a
da = q
dp = dq      # q = p + c
dc = dq
da *= b * dp # p = a * b
db = a * dp

print("dq =", dq, "  dp =", dp)
print("da =", da, "  db =", db, "  dc =", dc)
