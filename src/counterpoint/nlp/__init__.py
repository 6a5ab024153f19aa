"""Annotation: the spaCy pipeline (a model from a pinned pip package plus Counterpoint's registered
components) turns each `Document` into an `Annotation`: sentences, tokens, actor mentions,
relations, figures, claims, events and loaded words. Never touches the store.
"""
