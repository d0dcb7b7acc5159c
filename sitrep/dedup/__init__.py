"""Dedup: syndicated copies of one story are linked to one canonical article."""

from .copies import CopyFinder, bands, containment, shingles, signature

__all__ = ["CopyFinder", "bands", "containment", "shingles", "signature"]
