# Backward pass, matrix by matrix: every gradient has the shape of its matrix.
Y = [[1.0 if k == classes[i] else 0.0 for k in range(C)] for i in range(N)]
dS = [[(p - y) / N for p, y in zip(prow, yrow)] for prow, yrow in zip(P, Y)]
dW2 = matmul(transpose(H1), dS)                 # H x C
db2 = column_sums(dS)                           # C: the sum over the batch
dH1 = matmul(dS, transpose(W2))                 # N x H
dZ1 = [[d if z > 0 else 0.0 for d, z in zip(drow, zrow)]   # the ReLU mask
       for drow, zrow in zip(dH1, Z1)]
dW1 = matmul(transpose(X), dZ1)                 # D x H
db1 = column_sums(dZ1)                          # H
print("dS", shape(dS), " dW2", shape(dW2), " dH1", shape(dH1), " dW1", shape(dW1))
print("db2", [f"{v:.4f}" for v in db2])
