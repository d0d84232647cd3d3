#!/usr/bin/env bash
# Copy Swagger UI (the rendered API documentation at /api/v1/docs) from npm into
# api/static/swagger-ui/, so the documentation page works without any CDN.
#
#   api/vendor.sh       # the pinned version below; then commit api/static/swagger-ui/
#
# `npm pack` in a temporary directory: the package tarball only, no install scripts.
set -euo pipefail
cd "$(dirname "$0")"

SWAGGER_UI=5.30.3

doel="$PWD/static/swagger-ui"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "swagger-ui-dist@$SWAGGER_UI" >/dev/null)
mkdir -p "$tmp/pkg" "$doel"
tar -xzf "$tmp/swagger-ui-dist-$SWAGGER_UI.tgz" -C "$tmp/pkg" --strip-components=1
for f in swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.css favicon-32x32.png LICENSE; do
  cp "$tmp/pkg/$f" "$doel/$f"
done
{
  echo "# Vendored: swagger-ui-dist $SWAGGER_UI (npm), Apache-2.0 (see LICENSE)"
  echo
  (cd "$doel" && sha256sum swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.css)
} > "$doel/VERSIONS.md"
echo "api/vendor.sh: swagger-ui-dist $SWAGGER_UI in $doel"
