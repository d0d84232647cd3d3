"""Text as a source of the graph: policy notes, evaluations, annual reports, web pages.

Read (:mod:`.lezen`), recognise with the spaCy pipeline (:mod:`.pijplijn`, :mod:`.regels`,
``config.cfg``), extract (:mod:`.extractie`), link and propose (:mod:`.koppeling`,
:mod:`.inlezen`), review (:mod:`.beoordeling`) and evaluate (:mod:`.evaluatie`,
:mod:`.annotatie`, ``data/``). See ``docs/tekst.md``.
"""
