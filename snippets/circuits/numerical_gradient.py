# Strategy 2: numerical gradient. Nudge each input by a tiny h and measure
# how much the output changes: that is the derivative, approximately.
def forward_multiply_gate(x, y):
    return x * y


x, y = -2.0, 3.0
out = forward_multiply_gate(x, y)
h = 0.0001

x_derivative = (forward_multiply_gate(x + h, y) - out) / h
y_derivative = (forward_multiply_gate(x, y + h) - out) / h
evaluations = 3  # the output itself, then one nudge per input
print(f"df/dx = {x_derivative:.4f}, df/dy = {y_derivative:.4f}")

# Step along the gradient: every input moves in the direction that raises f.
step_size = 0.01
x = x + step_size * x_derivative
y = y + step_size * y_derivative
print(f"new x = {x:.4f}, new y = {y:.4f}")
print(f"new output = {forward_multiply_gate(x, y):.4f}")
print(f"function evaluations for the gradient: {evaluations}")
