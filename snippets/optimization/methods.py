# What to do with a gradient: nine methods on a long, narrow valley,
# L(w) = (w0^2 + 25 w1^2) / 2, from w = (10, 1). Every gradient comes from
# backward(); each method runs until the loss is below 1e-10.
import math

from backprop_core import Value
from backprop_core.text import display_width, ljust, rjust  # a CJK character takes 2 columns


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


def rmsprop(w, g, state, eta=0.1, rho=0.9):
    # each step divided by the root mean square of that weight's recent slopes
    s = [rho * si + (1 - rho) * gi * gi for si, gi in zip(state.get("s", [0.0, 0.0]), g)]
    state["s"] = s
    return [wi - eta * gi / (math.sqrt(si) + 1e-8) for wi, gi, si in zip(w, g, s)], 0


def adam(w, g, state, eta=0.1, beta1=0.9, beta2=0.999):
    # momentum (m) divided by RMSprop's root mean square (v), both corrected
    # for starting at 0
    t = state.get("t", 0) + 1
    m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(state.get("m", [0.0, 0.0]), g)]
    v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(state.get("v", [0.0, 0.0]), g)]
    state.update(t=t, m=m, v=v)
    return [wi - eta * (mi / (1 - beta1**t)) / (math.sqrt(vi / (1 - beta2**t)) + 1e-8)
            for wi, mi, vi in zip(w, m, v)], 0


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


methods = [("gradient descent", gradient_descent),
           ("steepest descent", steepest_descent),
           ("momentum", momentum),
           ("sign steps (Rprop)", sign_steps),
           ("RMSprop", rmsprop),
           ("Adam", adam),
           ("Newton's method", newton),
           ("conjugate gradient", conjugate_gradient),
           ("BFGS", bfgs)]
heads = ["method", "steps", "gradients"]
width = max(display_width(name) for name, _ in methods) + 2  # columns as wide as their text
w_steps, w_grads = (display_width(h) + 3 for h in heads[1:])
print(ljust(heads[0], width) + rjust(heads[1], w_steps) + rjust(heads[2], w_grads))
for name, method in methods:
    steps, grads = run(method)
    shown = ">1000" if steps is None else f"{steps}"  # None: not below 1e-10 in 1000 steps
    print(ljust(name, width) + rjust(shown, w_steps) + rjust(f"{grads}", w_grads))
