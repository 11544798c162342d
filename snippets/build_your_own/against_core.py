# Our Value against backprop_core on random expressions: the same values and
# the same gradients, expression after expression.
import random

import backprop_core

rng = random.Random(0)
OPS = [lambda a, b: a + b, lambda a, b: a * b, lambda a, b: a - b,
       lambda a, b: -a, lambda a, b: a ** 2, lambda a, b: a.tanh(),
       lambda a, b: a.relu()]


def random_expression(V, inputs, steps, seed):
    pick = random.Random(seed)
    nodes = [V(x) for x in inputs]
    leaves = list(nodes)
    for _ in range(steps):
        a, b = pick.choice(nodes), pick.choice(nodes)
        nodes.append(pick.choice(OPS)(a, b))   # the same op in both engines
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
