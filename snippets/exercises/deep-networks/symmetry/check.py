"""Checks the reader's weight initialization (page deep-networks): the hidden neurons
must start different, so that training can make them different, and the weights
must be scaled to the fan-in."""
from backprop_core.practice.initialization import InitExercise

check = InitExercise("init_weights").check
