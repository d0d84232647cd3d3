"""Analyses of the landscape as pure functions on a networkx graph (graph in, plain data out).

The graph is the memory store's ``networkx.MultiDiGraph``: nodes keyed by ``id`` with attribute
``label`` and their properties; edges keyed ``"TYPE|bron"`` with attributes ``type``, ``bron``,
``bevestigd_op`` and their properties.
"""
