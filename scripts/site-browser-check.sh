#!/usr/bin/env bash
# Opens a site written by `piano site` in headless Chromium, from disk, and
# checks it as a reader would meet it: every plan listed, every objective on
# its plan's page, charts drawn (a screenshot that is not blank), nothing
# fetched from the network, markup in a plan's cells shown as text, HTML
# that parses without error, and no serious or critical accessibility
# violation found by axe-core. See docs/site.md.
#
# Usage: scripts/site-browser-check.sh
# Installs Chromium with apt-get when missing (saying so), Python packages
# (html5lib, websocket-client, Pillow) into target/site-check-venv, and
# axe-core from the npm registry into target/site-check/ (both reused on
# later runs). Exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/lib/checks.sh"

# The version of axe-core the checks were written against.
axe_version="4.10.3"

chromium="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium" ]]; then
    if ! command -v apt-get >/dev/null; then
        echo "site-browser-check: install Chromium (Debian: apt-get install chromium)" >&2
        exit 1
    fi
    echo "site-browser-check: Chromium is missing: installing it with apt-get install chromium"
    sudo=()
    if ((EUID != 0)); then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get install -y --no-install-recommends chromium \
        || { "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y --no-install-recommends chromium; }
    chromium="$(command -v chromium)"
fi

build_piano
python_venv site-check-venv "html5lib, websocket, PIL" html5lib websocket-client Pillow

axe="$target/site-check/axe-core-$axe_version.js"
if [[ ! -s "$axe" ]]; then
    if ! command -v npm >/dev/null; then
        echo "site-browser-check: npm is needed to fetch axe-core (Debian: apt-get install npm)" >&2
        exit 1
    fi
    mkdir -p "$target/site-check"
    pack="$(mktemp -d)"
    (cd "$pack" && npm pack --silent "axe-core@$axe_version" >/dev/null && tar xzf axe-core-*.tgz package/axe.min.js)
    mv "$pack/package/axe.min.js" "$axe"
    rm -rf "$pack"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The text fixtures, the results reports (a column more), a PDF of each of
# two other families, and the plan whose cells hold markup.
"$piano" batch --quiet --out "$work/release" \
    fixtures/portoferraio-2021.txt fixtures/text fixtures/site fixtures/families/results-report \
    fixtures/families/objective-cards/carpi-2022.chromium.pdf \
    fixtures/families/weight-matrix/codogno-2023.libreoffice.pdf
"$piano" site "$work/release" --out "$work/sito"
"$venv/bin/python" scripts/site_browser_check.py "$work/sito" "$work/release" "$axe" "$chromium"
