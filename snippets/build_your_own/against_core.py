# Our Value against backprop_core on random expressions: the same values and
# the same gradients, expression after expression.
import random

import backprop_core

rng = random.Random(0)
OPS = ["add", "mul", "sub", "neg", "square", "tanh", "relu"]


def random_expression(V, inputs, steps, seed):
    pick = random.Random(seed)
    nodes = [V(x) for x in inputs]
    leaves = list(nodes)
    for _ in range(steps):
        a, b = pick.choice(nodes), pick.choice(nodes)
        op = pick.choice(OPS)
        if op == "add":
            nodes.append(a + b)
        elif op == "mul":
            nodes.append(a * b)
        elif op == "sub":
            nodes.append(a - b)
        elif op == "neg":
            nodes.append(-a)
        elif op == "square":
            nodes.append(a ** 2)
        elif op == "tanh":
            nodes.append(a.tanh())
        else:
            nodes.append(a.relu())
    return nodes[-1], leaves


worst = 0.0
for trial in range(200):
    inputs = [rng.uniform(-1, 1) for _ in range(3)]
    ours, our_leaves = random_expression(Value, inputs, 12, trial)
    core, core_leaves = random_expression(backprop_core.Value, inputs, 12, trial)
    ours.backward()
    core.backward()
    pairs = [(ours.data, core.data)]
    pairs += [(p.grad, q.grad) for p, q in zip(our_leaves, core_leaves)]
    worst = max([worst] + [abs(p - q) / max(1.0, abs(q)) for p, q in pairs])
print("200 random expressions: values and gradients agree to 1e-12:", worst < 1e-12)
