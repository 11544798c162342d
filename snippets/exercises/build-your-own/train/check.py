"""Checks the reader's MLP and train_step on the page's own Value (page build-your-own, part 2)."""
from backprop_core.datasets import moons
from backprop_core.practice.capstone import CapstoneExercise

points, labels = moons(100, noise=0.1, seed=0)
check = CapstoneExercise(points, labels).check  # 20 steps of 20 points, rate 0.5, 90 right
