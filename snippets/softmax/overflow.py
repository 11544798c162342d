# The same formula with big scores: e^1000 does not fit in a float.
from backprop_core import Value

s = [Value(1000.0), Value(1001.0), Value(1002.0)]
try:
    e = [sk.exp() for sk in s]
    p = [ek / Value.sum(e) for ek in e]
except OverflowError as error:
    print("OverflowError:", error)
