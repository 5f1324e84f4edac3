"""The register: every plan an office follows, in one SQLite database (`kehoach register …`).

db.py the schema and its migrations · store.py adding plans and keeping their versions ·
due.py the dates a task falls due · queries.py the office's questions · importer.py the
statuses units fill in the exported workbook · cli.py the `register` sub-commands.
"""
