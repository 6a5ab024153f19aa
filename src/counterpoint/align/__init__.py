"""Alignment and comparison: events, figures and claims of different sources matched and judged
(corroborate, contradict, evolves, reframe), omissions, and how each source frames each actor.
"""
