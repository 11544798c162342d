# A chain 2000 gates deep. A recursive topological sort (as in micrograd)
# needs one Python frame per node of the chain; the loop above does not.
def recursive_order(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for inp in node.inputs:
                visit(inp)
            order.append(node)

    visit(root)
    return order


x = Value(0.5)
out = x
for _ in range(1000):             # a multiply and a tanh each time
    out = (out * 0.999).tanh()

try:
    recursive_order(out)
    print("recursive order: fine")
except RecursionError:
    print("recursive order: RecursionError")
out.backward()
print(f"loop: d out / d x = {x.grad:.6f}")
