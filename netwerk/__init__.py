"""Wijkgraaf's graph: the model (labels, relationships, vocabularies), the two graph stores
(embedded networkx and Neo4j) behind one interface, and the networkx analyses."""
