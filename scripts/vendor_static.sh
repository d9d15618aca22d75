#!/usr/bin/env bash
# Copy the built front-end libraries from node_modules into static/vendor. Source-map comments are
# stripped: the maps are not shipped, and the manifest storage would fail on a missing map.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=static/vendor/bootstrap
mkdir -p "$dest"
cp node_modules/bootstrap/dist/css/bootstrap.min.css \
   node_modules/bootstrap/dist/css/bootstrap.rtl.min.css \
   node_modules/bootstrap/dist/js/bootstrap.bundle.min.js \
   node_modules/bootstrap/LICENSE "$dest/"

if [ -d node_modules/axe-core ]; then
  mkdir -p tests/browser/vendor
  cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE tests/browser/vendor/
fi

sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##; s#^//\# sourceMappingURL=.*$##' "$dest"/*.min.*
echo "static/vendor is up to date with node_modules."
