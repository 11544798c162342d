# The binary SVM of the Hacker's guide, trained with "pulls".
import random

data = [[1.2, 0.7], [-0.3, -0.5], [3.0, 0.1],
        [-0.1, -1.0], [-1.0, 1.1], [2.1, -3.0]]
labels = [1, -1, 1, -1, -1, 1]
a, b, c = 1.0, -2.0, -1.0          # the guide's starting parameters
step_size = 0.01
rng = random.Random(0)             # the guide uses Math.random()


def score(x, y):
    return a * x + b * y + c


def accuracy():
    correct = sum((1 if score(x, y) > 0 else -1) == label
                  for (x, y), label in zip(data, labels))
    return f"{correct}/{len(data)}"


print("before training: accuracy", accuracy())
for it in range(400):
    i = rng.randrange(len(data))   # pick a random data point
    (x, y), label = data[i], labels[i]
    s = score(x, y)
    pull = 0.0
    if label == 1 and s < 1:
        pull = 1.0                 # score too low: pull it up
    if label == -1 and s > -1:
        pull = -1.0                # score too high: pull it down
    # the pull on the score flows back into a, b, c (a multiply
    # gate swaps: the pull on a is x * pull); regularization pulls
    # a and b towards 0
    da = x * pull - a
    db = y * pull - b
    dc = pull
    a += step_size * da
    b += step_size * db
    c += step_size * dc
    if it % 50 == 0 or it == 399:
        print(f"iter {it:3d}: accuracy {accuracy()}")

print(f"a = {a:.4f}, b = {b:.4f}, c = {c:.4f}")
for (x, y), label in zip(data, labels):
    s = score(x, y)
    verdict = "ok" if (1 if s > 0 else -1) == label else "WRONG"
    print(f"  [{x:4.1f}, {y:4.1f}]  label {label:+d}  score {s:+.3f}"
          f"  {verdict}")
