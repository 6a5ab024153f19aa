"""Ingest: files, folders, globs and JSON records to `Document`s (decoding, format readers,
metadata, ids, duplicates); bad input becomes an `InputError` naming the file.
"""
