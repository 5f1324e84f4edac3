"""`kehoach report`: one self-contained HTML page per plan (or several) — header, outline,
task register, timeline and workload charts (inline SVG), validation findings."""
from .page import PlanInput, render

__all__ = ["PlanInput", "render"]
