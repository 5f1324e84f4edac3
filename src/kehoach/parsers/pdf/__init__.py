"""The PDF parser: a text PDF -> `blocks.Document` (see `document` for the steps and modules)."""

from .document import parse

__all__ = ["parse"]
