# Dimension analysis: which product has the shape of W (or of X)?
W, X = (2, 3), (3, 2)
D = (W[0], X[1])          # D = W·X is 2×2, and so is dD


def T(s):
    return (s[1], s[0])


def product(a, b):
    """The shape of a·b, or None when the inner dimensions differ."""
    return (a[0], b[1]) if a[1] == b[0] else None


def show(target_name, target, candidates):
    print(f"{target_name} must be {target[0]}×{target[1]}:")
    for name, (a, b) in candidates.items():
        s = product(a, b)
        if s is None:
            verdict = f"impossible ({a[1]} ≠ {b[0]})"
        else:
            fits = "   <- fits" if s == target else ""
            verdict = f"{s[0]}×{s[1]}{fits}"
        print(f"  {name:<6} {verdict}")


show("dW", W, {"dD·X": (D, X), "dD·Xᵀ": (D, T(X)),
               "X·dD": (X, D), "Xᵀ·dD": (T(X), D)})
show("dX", X, {"W·dD": (W, D), "Wᵀ·dD": (T(W), D),
               "dD·W": (D, W), "dD·Wᵀ": (D, T(W))})
