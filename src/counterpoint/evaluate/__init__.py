"""Evaluation: a store scored against gold annotations, and the coreference metrics the
benchmarks use."""
