"""Adapters that bring sources into the graph: read -> validate -> domain records -> store.

Each adapter is one source format: :mod:`ingest.cbs` (CBS geography shipped with the project),
:mod:`ingest.tabel` (the CSV/JSON exchange format), :mod:`ingest.demo` (the demo landscape).
Every rejected record is reported as ``file:line: field: reason``; valid records still load.
"""
