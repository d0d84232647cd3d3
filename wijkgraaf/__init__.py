"""The ``wijkgraaf`` command line (see :mod:`wijkgraaf.cli`)."""
