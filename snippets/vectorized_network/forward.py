# Forward pass on the whole batch: affine, ReLU, affine, softmax, mean loss.
Z1 = add_row(matmul(X, W1), b1)                 # N x H
H1 = [[max(0.0, z) for z in row] for row in Z1]  # ReLU
S = add_row(matmul(H1, W2), b2)                 # N x C scores


def softmax_rows(S):                            # stable: subtract each row's max
    P = []
    for row in S:
        m = max(row)
        e = [math.exp(s - m) for s in row]
        P.append([v / sum(e) for v in e])
    return P


P = softmax_rows(S)
loss = sum(-math.log(P[i][classes[i]]) for i in range(N)) / N   # the mean
print("Z1", shape(Z1), " S", shape(S), " P", shape(P))
print(f"loss = {loss:.4f}")
