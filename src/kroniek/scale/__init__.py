"""Coding on every core of a machine or on a Ray cluster, with the store written by one process.

`changed_documents` drops the documents already stored unchanged (doc_id + content hash) before any
parsing; `make_runner` picks where the rest are coded: in this process, in worker processes
(`--workers N`) or on Ray actors (`--ray ADDRESS`). Every runner yields each document's Analysis
(or its one-line error) back to the caller, which alone writes the store.

kroniek.scale.runners: make_runner; kroniek.scale.unchanged: changed_documents (imported from there,
so that the CLI loads the language pipeline only for the commands that code).
"""
