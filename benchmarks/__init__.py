"""Timing scripts, run by hand (see the docstring of each); neither the product nor the tests
import them."""
