# Where the scale comes from. z = w1 x1 + ... + wn xn, with the weights and
# inputs drawn independently around 0: Var(z) = n * Var(w) * Var(x).
import math
import random

rng = random.Random(0)


def Var(values):                        # the variance: the mean squared distance from the mean
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


print("  n   Var(w)    n*Var(w)*Var(x)   Var(z) measured")
for n, sd in [(4, 1.0), (16, 1.0), (64, 1.0), (64, 1 / math.sqrt(64)), (64, math.sqrt(2 / 64))]:
    zs = []
    for _ in range(1500):               # 1500 neurons, each with its own weights and input
        w = [rng.gauss(0, sd) for _ in range(n)]
        x = [rng.gauss(0, 1) for _ in range(n)]     # Var(x) = 1
        zs.append(sum(wi * xi for wi, xi in zip(w, x)))
    print(f"{n:3d} {sd * sd:8.4f} {n * sd * sd:13.2f} {Var(zs):17.2f}")

# A ReLU passes the positive half of z and zeroes the rest: the mean square of
# its output is half of Var(z). So He doubles the weights' variance: 2/n.
zs = [rng.gauss(0, 1) for _ in range(20_000)]
print(f"mean of relu(z)^2 for Var(z) = 1: {sum(max(0.0, z) ** 2 for z in zs) / len(zs):.2f}")
