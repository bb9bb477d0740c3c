#!/usr/bin/env bash
# Checks every relative link and #anchor in the repository's Markdown files (README.md, docs/, the rest; not
# node_modules, bin, obj, .tools, artifacts): prints each broken one as FILE:LINE, exits 1 when any is broken.
# The logic is scripts/check-links.py (python3, standard library only); --root DIR checks another tree.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/check-links.py" "$@"
