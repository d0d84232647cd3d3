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

# The rendered documentation (/api/v1/docs) uses the Swagger UI files the project ships
# (api/vendor.sh), not a CDN: the page works on a machine without internet.
SWAGGER_UI_CSS = "/static/swagger-ui/swagger-ui.css"
SWAGGER_UI_BUNDLE_JS = "/static/swagger-ui/swagger-ui-bundle.js"
SWAGGER_UI_STANDALONE_PRESET_JS = "/static/swagger-ui/swagger-ui-standalone-preset.js"
DOCS_FAVICON = "/static/swagger-ui/favicon-32x32.png"
