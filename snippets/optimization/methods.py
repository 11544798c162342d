# What to do with a gradient: seven methods on a long, narrow valley,
# L(w) = (w0^2 + 25 w1^2) / 2, from w = (10, 1). Every gradient comes from
# backward(); each method runs until the loss is below 1e-10.
from backprop_core import Value


def loss_and_grad(w):
    v = [Value(x) for x in w]
    L = 0.5 * (v[0] * v[0] + 25 * v[1] * v[1])
    L.backward()
    return L.data, [x.grad for x in v]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def line_search(w, d, g):
    # Where along d does the slope g.d reach 0? One more gradient, at w + d;
    # the slope is linear in the step on a quadratic, so this is exact there.
    g1 = loss_and_grad([wi + di for wi, di in zip(w, d)])[1]
    return dot(g, d) / (dot(g, d) - dot(g1, d))


def run(method, max_steps=1000):
    w, state, grads = [10.0, 1.0], {}, 0
    for step in range(max_steps):
        L, g = loss_and_grad(w)
        grads += 1
        if L < 1e-10:
            return step, grads
        w, extra = method(w, g, state)
        grads += extra
    return None, grads


def gradient_descent(w, g, state, eta=0.07):
    return [wi - eta * gi for wi, gi in zip(w, g)], 0


def steepest_descent(w, g, state):         # gradient descent + a line search
    d = [-gi for gi in g]
    a = line_search(w, d, g)
    return [wi + a * di for wi, di in zip(w, d)], 1


def momentum(w, g, state, eta=0.1, beta=0.45):
    v = state.get("v", [0.0, 0.0])
    v = [beta * vi - eta * gi for vi, gi in zip(v, g)]
    state["v"] = v
    return [wi + vi for wi, vi in zip(w, v)], 0


def sign_steps(w, g, state):               # Rprop: only the sign of each slope
    steps = state.setdefault("steps", [0.1, 0.1])
    last = state.get("last", [0.0, 0.0])
    for i in range(2):
        if g[i] * last[i] > 0:
            steps[i] *= 1.2                # same sign again: a longer step
        elif g[i] * last[i] < 0:
            steps[i] *= 0.5                # overshot: a shorter one
    state["last"] = g
    return [wi - si * (gi > 0) + si * (gi < 0) for wi, si, gi in zip(w, steps, g)], 0


def newton(w, g, state, h=1e-4):
    # The Hessian by nudging each weight: 2 more gradients in 2 dimensions
    H = []
    for i in range(2):
        nudged = [wj + (h if j == i else 0.0) for j, wj in enumerate(w)]
        H.append([(a - b) / h for a, b in zip(loss_and_grad(nudged)[1], g)])
    (a, b), (c, d) = H
    det = a * d - b * c                    # solve H s = g for the step s
    s = [(d * g[0] - b * g[1]) / det, (a * g[1] - c * g[0]) / det]
    return [wi - si for wi, si in zip(w, s)], 2


def conjugate_gradient(w, g, state):
    d = [-gi for gi in g]
    if "g" in state:                       # Fletcher-Reeves: keep part of the last direction
        beta = dot(g, g) / dot(state["g"], state["g"])
        d = [di + beta * pi for di, pi in zip(d, state["d"])]
    a = line_search(w, d, g)
    state["g"], state["d"] = g, d
    return [wi + a * di for wi, di in zip(w, d)], 1


def bfgs(w, g, state):
    B = state.get("B", [[1.0, 0.0], [0.0, 1.0]])   # inverse Hessian, guessed
    if "g" in state:                       # update it from how the gradient changed
        s = [wi - pi for wi, pi in zip(w, state["w"])]
        y = [gi - pi for gi, pi in zip(g, state["g"])]
        rho = 1.0 / dot(y, s)
        By = [dot(row, y) for row in B]
        yBy = dot(y, By)
        B = [[B[i][j] - rho * (By[i] * s[j] + s[i] * By[j])
              + (rho * rho * yBy + rho) * s[i] * s[j] for j in range(2)]
             for i in range(2)]
    d = [-dot(row, g) for row in B]
    a = line_search(w, d, g)
    state.update(B=B, w=w, g=g)
    return [wi + a * di for wi, di in zip(w, d)], 1


print("method                steps   gradients")
for name, method in [("gradient descent", gradient_descent),
                     ("steepest descent", steepest_descent),
                     ("momentum", momentum),
                     ("sign steps (Rprop)", sign_steps),
                     ("Newton", newton),
                     ("conjugate gradient", conjugate_gradient),
                     ("BFGS", bfgs)]:
    steps, grads = run(method)
    print(f"{name:<20} {steps:6d} {grads:11d}")
