"""One lock for every use of pdfium in this process.

pdfium is not thread-safe and pypdfium2 does not serialise calls: two threads that read PDFs
at once (`api.parse` from a thread pool, two .doc files whose renderings are read together)
can crash the process. Every reader takes this lock around its pdfium work; worker processes
each have their own.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
