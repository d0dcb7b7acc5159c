"""Dedup: syndicated copies of one story are linked to one canonical article."""

from .copies import CopyFinder, containment, shingles, signature

__all__ = ["CopyFinder", "containment", "shingles", "signature"]
