# Mean or sum over the batch? The same weights, batches of 10, 40 and 160
# points: the largest entry of dW2 under each loss.
from backprop_core.text import rjust  # pad by display width: a CJK character takes 2 columns


def dW2_for(n, mean):
    pts, cls = moons(n, noise=0.1, seed=2, labels=(1, 0))
    Hn = [[max(0.0, z) for z in row] for row in add_row(matmul(pts, W1), b1)]
    Pn = softmax_rows(add_row(matmul(Hn, W2), b2))
    scale = 1 / n if mean else 1.0
    dSn = [[(p - (k == c)) * scale for k, p in enumerate(row)]
           for row, c in zip(Pn, cls)]
    return matmul(transpose(Hn), dSn)


print(rjust("batch", 6), rjust("sum: max |dW2|", 16), rjust("mean: max |dW2|", 17))
for n in (10, 40, 160):
    largest = [max(abs(v) for row in dW2_for(n, mean) for v in row) for mean in (False, True)]
    print(f"{n:6d} {largest[0]:16.4f} {largest[1]:17.4f}")
