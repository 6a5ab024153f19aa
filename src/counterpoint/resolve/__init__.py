"""Resolution: actor mentions to entities, each new document on its own, then its keys linked
with those of the store it can affect; then the user's corrections.
"""
