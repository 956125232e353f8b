"""The Qt layer: a thin shell over reader.document (and later reader.language, reader.store)."""
