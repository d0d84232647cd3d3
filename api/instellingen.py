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

#: The one error shape (RFC 9457), documented for every error response.
PROBLEEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "in": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
HTTP_ERROR_SCHEMA = PROBLEEM_SCHEMA
VALIDATION_ERROR_SCHEMA = PROBLEEM_SCHEMA
