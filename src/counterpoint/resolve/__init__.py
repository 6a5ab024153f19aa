"""Resolution: actor mentions across the whole store to entities (with ties and roles), then the
user's corrections.
"""
