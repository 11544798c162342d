# How useful is a random direction? Its cosine with the gradient, in n
# dimensions: half of them go downhill, but only by a little.
import math
import random

rng = random.Random(0)
print("    n   downhill   rms of cos   1/sqrt(n)")
for n in (2, 10, 100, 1000):
    g = [rng.gauss(0, 1) for _ in range(n)]          # some gradient
    g_len = math.sqrt(sum(v * v for v in g))
    cosines = []
    for _ in range(400):                             # 400 random directions
        u = [rng.gauss(0, 1) for _ in range(n)]
        u_len = math.sqrt(sum(v * v for v in u))
        cosines.append(sum(a * b for a, b in zip(g, u)) / (g_len * u_len))
    downhill = sum(c < 0 for c in cosines) / len(cosines)   # -g is downhill
    rms = math.sqrt(sum(c * c for c in cosines) / len(cosines))
    print(f"{n:5d} {downhill:10.2f} {rms:12.3f} {1 / math.sqrt(n):11.3f}")
