# Train the matrix network on 100 moons: full-batch gradient descent with
# the forward and backward passes above. Change H, step_size or the data.
import time

from backprop_core.draw import training_plot

points, classes = moons(100, noise=0.1, seed=0, labels=(1, 0))
X, N, H = [list(p) for p in points], len(points), 16
step_size, steps = 2.0, 150
rng = random.Random(0)
W1 = [[rng.gauss(0, math.sqrt(2 / D)) for _ in range(H)] for _ in range(D)]
b1 = [0.0] * H
W2 = [[rng.gauss(0, math.sqrt(2 / H)) for _ in range(C)] for _ in range(H)]
b2 = [0.0] * C
Y = [[1.0 if k == classes[i] else 0.0 for k in range(C)] for i in range(N)]


def scores(X):
    Z1 = add_row(matmul(X, W1), b1)
    H1 = [[max(0.0, z) for z in row] for row in Z1]
    return Z1, H1, add_row(matmul(H1, W2), b2)


def predict(x, y):               # one point, on plain numbers: > 0 where class 1 wins
    h = [max(0.0, x * W1[0][j] + y * W1[1][j] + b1[j]) for j in range(H)]
    return sum(hj * (W2[j][1] - W2[j][0]) for j, hj in enumerate(h)) + b2[1] - b2[0]


losses, next_draw = [], 0.0
for step in range(steps + 1):
    Z1, H1, S = scores(X)
    P = softmax_rows(S)
    losses.append(sum(-math.log(P[i][classes[i]]) for i in range(N)) / N)
    if time.monotonic() > next_draw or step == steps:   # a few pictures a second
        display(training_plot(points, classes, predict, losses, grid=24),
                display_id="moons")
        next_draw = time.monotonic() + 0.3
    if step == steps:
        break
    dS = [[(p - y) / N for p, y in zip(prow, yrow)] for prow, yrow in zip(P, Y)]
    dZ1 = [[d if z > 0 else 0.0 for d, z in zip(drow, zrow)]
           for drow, zrow in zip(matmul(dS, transpose(W2)), Z1)]
    for M, dM in ((W1, matmul(transpose(X), dZ1)), (W2, matmul(transpose(H1), dS))):
        for row, drow in zip(M, dM):
            for j, d in enumerate(drow):
                row[j] -= step_size * d
    for v, dv in ((b1, column_sums(dZ1)), (b2, column_sums(dS))):
        for j, d in enumerate(dv):
            v[j] -= step_size * d

right = sum((predict(x, y) > 0) == (c == 1) for (x, y), c in zip(points, classes))
print(f"after {steps} steps: loss {losses[-1]:.4f}, accuracy {right}/{N}")
