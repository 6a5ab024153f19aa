#!/usr/bin/env bash
# Fetches the front-end libraries the web explorer serves (no CDN: the pages work offline) from
# the npm registry, at pinned versions, into src/counterpoint/static/vendor/. Run it to reproduce
# or upgrade the vendored files; `pip install` does not need it (the files are committed).
set -euo pipefail
cd "$(dirname "$0")/.."
CYTOSCAPE_VERSION=3.34.4
out=src/counterpoint/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cytoscape@${CYTOSCAPE_VERSION}" >/dev/null && tar -xzf "cytoscape-${CYTOSCAPE_VERSION}.tgz")
mkdir -p "$out"
cp "$work/package/dist/cytoscape.min.js" "$out/cytoscape.min.js"
cp "$work/package/LICENSE" "$out/cytoscape.LICENSE"
echo "cytoscape ${CYTOSCAPE_VERSION} -> $out"
