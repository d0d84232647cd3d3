"""Default settings of the API app; override with WIJKGRAAF_* environment variables."""

MAX_CONTENT_LENGTH = 10 * 1024 * 1024  # uploads: 10 MiB
DESCRIPTION = (
    "Wijkgraaf maakt het sociaal domein van een gemeente zichtbaar als graaf: sociale (wijk)teams, "
    "organisaties, initiatieven uit de nuldelijn en hun aanbod, op de CBS-wijk- en buurtindeling. "
    "Fouten volgen application/problem+json (RFC 9457)."
)
INFO = {"license": {"name": "EUPL-1.2"}}
VALIDATION_ERROR_STATUS_CODE = 400  # NL API Design Rules: a bad parameter is a 400
VALIDATION_ERROR_DESCRIPTION = "Ongeldige parameter"
