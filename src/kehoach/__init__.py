"""kehoach: Vietnamese government plans (Kế hoạch) to task registers, and a linter for drafts."""
__version__ = "0.1.0"
