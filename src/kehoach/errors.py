"""Errors that reach the user as one line naming the file and the problem."""

from __future__ import annotations


class KehoachError(Exception):
    """A problem with one input. `reason` is a message key from `i18n.MESSAGES`."""

    def __init__(self, path: str, reason: str, **details: object) -> None:
        self.path = str(path)
        self.reason = reason
        self.details = details
        super().__init__(f"{path}: {reason} {details}")

    def message(self, lang: str = "vi") -> str:
        from .i18n import t

        return f"{self.path}: {t(self.reason, lang, **self.details)}"
