#!/usr/bin/env bash
# Copy the built JavaScript/CSS that the web pages use from npm into web/static/vendor/.
#
#   web/vendor.sh          # the pinned versions below
#
# Run it by hand when a version changes, then commit web/static/vendor/: the app serves those
# files itself and needs no Node at run time. It uses `npm pack` in a temporary directory (the
# package tarball only: no dependencies, no install scripts) and copies the dist files with
# their licence texts. web/static/vendor/VERSIONS.md records what was copied, with SHA-256.
#
#   cytoscape  the interactive network on the landschap page
#   leaflet    the map of CBS wijken and buurten on the zichtbaarheid page (no tile server)
#   axe-core   for the browser tests only (WCAG checks); the pages never load it
set -euo pipefail
cd "$(dirname "$0")"

CYTOSCAPE=3.34.4
LEAFLET=1.9.4
AXE_CORE=4.14.1

doel="$PWD/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

pak() { # name version -> unpacked in $tmp/<name>
  local naam="$1" versie="$2"
  (cd "$tmp" && npm pack --silent "$naam@$versie" >/dev/null)
  mkdir -p "$tmp/$naam"
  tar -xzf "$tmp/$naam-$versie.tgz" -C "$tmp/$naam" --strip-components=1
  local echt
  echt="$(node -p "require('$tmp/$naam/package.json').version")"
  if [ "$echt" != "$versie" ]; then
    echo "vendor.sh: $naam: verwacht $versie, kreeg $echt" >&2
    exit 1
  fi
}

pak cytoscape "$CYTOSCAPE"
pak leaflet "$LEAFLET"
pak axe-core "$AXE_CORE"

rm -rf "$doel"
mkdir -p "$doel/images"
cp "$tmp/cytoscape/dist/cytoscape.min.js" "$doel/cytoscape.min.js"
cp "$tmp/cytoscape/LICENSE" "$doel/LICENSE-cytoscape.txt"
cp "$tmp/leaflet/dist/leaflet.js" "$doel/leaflet.js"
cp "$tmp/leaflet/dist/leaflet.css" "$doel/leaflet.css"
cp "$tmp/leaflet/dist/images/"*.png "$doel/images/"
cp "$tmp/leaflet/LICENSE" "$doel/LICENSE-leaflet.txt"
cp "$tmp/axe-core/axe.min.js" "$doel/axe.min.js"
cp "$tmp/axe-core/LICENSE" "$doel/LICENSE-axe-core.txt"

licentie() { node -p "require('$tmp/$1/package.json').license"; }
regel() { # file package version
  local som
  som="$(cd "$doel" && sha256sum "$1" | cut -c1-64)"
  echo "| \`$1\` | $2 $3 | $(licentie "$2") | \`$som\` |"
}

{
  echo "# Vendored JavaScript and CSS"
  echo
  echo "Copied from the npm packages by \`web/vendor.sh\` (\`npm pack\`, dist files only). Do not"
  echo "edit these files; change the versions in the script and run it again."
  echo
  echo "| file | package | licence | SHA-256 |"
  echo "|---|---|---|---|"
  regel cytoscape.min.js cytoscape "$CYTOSCAPE"
  regel leaflet.js leaflet "$LEAFLET"
  regel leaflet.css leaflet "$LEAFLET"
  for png in "$doel"/images/*.png; do
    regel "images/$(basename "$png")" leaflet "$LEAFLET"
  done
  regel axe.min.js axe-core "$AXE_CORE"
  echo
  echo "\`axe.min.js\` is used by the browser tests only (tests/test_web_browser.py); no page loads"
  echo "it. The licence texts are beside the files: \`LICENSE-cytoscape.txt\` (MIT),"
  echo "\`LICENSE-leaflet.txt\` (BSD-2-Clause), \`LICENSE-axe-core.txt\` (MPL-2.0)."
} >"$doel/VERSIONS.md"

echo "web/static/vendor: cytoscape $CYTOSCAPE, leaflet $LEAFLET, axe-core $AXE_CORE"
