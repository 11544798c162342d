# The same analytic gradient (3, -2) with larger and larger steps.
def forward_multiply_gate(x, y):
    return x * y


print("step size   new x   new y   new output")
for step_size in (0.01, 0.1, 1.0, 10.0):
    x, y = -2.0, 3.0
    x_gradient, y_gradient = y, x
    x = x + step_size * x_gradient
    y = y + step_size * y_gradient
    print(f"{step_size:>9} {x:>7.2f} {y:>7.2f} {forward_multiply_gate(x, y):>12.4f}")
