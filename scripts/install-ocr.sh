#!/usr/bin/env bash
# Installs what piano needs to read scans (PNG, JPEG, TIFF inputs and PDFs'
# scanned pages): the tesseract OCR program, its Italian data and its
# orientation data (osd, which turns pages scanned sideways upright). Does
# nothing when all are there already. Debian and Ubuntu through apt-get (as root, or with sudo);
# elsewhere it names the command to run.
#
# Usage: scripts/install-ocr.sh
set -euo pipefail

if command -v tesseract >/dev/null \
    && tesseract --list-langs 2>/dev/null | grep -qx ita \
    && tesseract --list-langs 2>/dev/null | grep -qx osd; then
    exit 0
fi

if command -v apt-get >/dev/null; then
    sudo=()
    if ((EUID != 0)); then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd \
        || { "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ita tesseract-ocr-osd; }
elif command -v brew >/dev/null; then
    brew install tesseract tesseract-lang
else
    echo "install-ocr: install tesseract with its Italian data (tesseract-ocr and tesseract-ocr-ita; brew install tesseract tesseract-lang; choco install tesseract)" >&2
    exit 1
fi
