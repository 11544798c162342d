# How big should the nudge h be? f(x) = x³ at x = 2,
# where f'(2) = 12 exactly.
from backprop_core import numerical_grad

print("    h      numerical gradient   relative error")
for h in [1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13]:
    n = numerical_grad(lambda x: x * x * x, [2.0], h=h)[0]
    print(f"{h:7.0e}   {n:18.12f}   {abs(n - 12) / 12:.1e}")
