# Strategy 1: random local search. Try small random tweaks of x and y,
# keep the best. No calculus, just trial and error.
import random


def forward_multiply_gate(x, y):
    return x * y


rng = random.Random(0)
x, y = -2.0, 3.0
tweak_amount = 0.01
best_out = forward_multiply_gate(x, y)  # -6.0
best_x, best_y = x, y
evaluations = 1
for _ in range(100):
    x_try = x + tweak_amount * (rng.random() * 2 - 1)
    y_try = y + tweak_amount * (rng.random() * 2 - 1)
    out = forward_multiply_gate(x_try, y_try)
    evaluations += 1
    if out > best_out:
        best_out, best_x, best_y = out, x_try, y_try

print(f"best x = {best_x:.4f}, best y = {best_y:.4f}")
print(f"best output = {best_out:.4f}")
print(f"function evaluations: {evaluations}")
