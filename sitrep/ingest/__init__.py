"""Ingest: .txt, .html and .jsonl files and directories of them -> `Article`s (and `Problem`s)."""

from .files import read_file, read_paths
from .html import parse_html
from .jsonl import parse_jsonl, parse_record
from .text import parse_text

__all__ = ["parse_html", "parse_jsonl", "parse_record", "parse_text", "read_file", "read_paths"]
