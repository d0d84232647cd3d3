"""The small family of domain errors. Stores raise these (storage errors re-raised ``from e``);
the API maps them to HTTP problem responses in one place, the CLI to messages and exit codes."""


class WijkgraafFout(Exception):
    """Base of every error Wijkgraaf raises on purpose."""


class NietGevonden(WijkgraafFout):
    """A node asked for by key does not exist (an unknown wijk, organisatie, ...)."""


class OngeldigeInvoer(WijkgraafFout, ValueError):
    """Input that does not fit the graph model: unknown code, leefgebied, date, reference."""


class StoreOnbereikbaar(WijkgraafFout):
    """The graph store cannot be reached (Neo4j down, network error); try again later."""
