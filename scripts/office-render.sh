#!/usr/bin/env bash
# Renders every HTML document of a folder (as `piano-corpus --format html`
# writes them) into PDFs the ways offices make them (issue 10):
#
#   docx-lo        a Word document (LibreOffice opens the HTML as a Writer
#                  document and saves it as .docx: real Word tables, w:tbl,
#                  header rows repeated on each page as w:tblHeader, the
#                  HTML's column widths and borders), then exported to PDF
#                  by LibreOffice;
#   docx-lo-pdfa   the same Word document exported as PDF/A-2b;
#   html-lo        the HTML opened in LibreOffice Writer and exported to
#                  PDF (not through Writer/Web, which opening an .html
#                  picks by default: LibreOffice 7.4's Writer/Web spun for
#                  10 minutes on the first five plans tried);
#   html-chromium  the HTML printed to PDF by headless Chromium, without
#                  its date and URL header and footer.
#
# Each `plan-00003-00.html` gives `plan-00003-00.RENDERER.pdf` in OUT (and
# the Word document `plan-00003-00.docx` when a docx renderer is asked).
# LibreOffice converts many files in one run (CHUNK, default 50), in a
# private profile, so hundreds of files take minutes, not hours; Chromium
# runs JOBS files at a time.
#
# Needs: soffice (LibreOffice 7.4 or later: the PDF/A export's options are
# given as JSON) and chromium.
#
# Usage: scripts/office-render.sh IN OUT
#        RENDERERS="docx-lo html-chromium" JOBS=2 scripts/office-render.sh IN OUT
set -euo pipefail

in=$1
out=$2
renderers=${RENDERERS:-docx-lo docx-lo-pdfa html-lo html-chromium}
jobs=${JOBS:-2}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shopt -s nullglob
html=("$in"/*.html)
[ ${#html[@]} -gt 0 ] || { echo "no HTML in $in" >&2; exit 1; }

# One LibreOffice run over many files, in a private profile (so that it
# neither meets a running office nor leaves settings behind).
office() {
  timeout "${OFFICE_TIMEOUT:-900}" soffice -env:UserInstallation="file://$work/profile" --headless "$@" > /dev/null 2>&1
}

# Converts files with LibreOffice into a folder: `convert DIR EXT ARG... --
# FILE...`, CHUNK files a run (one run over hundreds stopped for good after
# 246 here, every later file left unconverted), and again over the files
# a run left behind, until none is left or one fails alone (reported, and
# skipped).
convert() {
  local dir=$1 ext=$2 file
  shift 2
  local -a args=() files left
  while [ "$1" != -- ]; do
    args+=("$1")
    shift
  done
  shift
  files=("$@")
  while [ ${#files[@]} -gt 0 ]; do
    office "${args[@]}" --outdir "$dir" "${files[@]:0:${CHUNK:-50}}" || true
    left=()
    for file in "${files[@]}"; do
      [ -f "$dir/$(basename "${file%.*}").$ext" ] || left+=("$file")
    done
    if [ ${#left[@]} -eq ${#files[@]} ]; then
      echo "LibreOffice made nothing of ${left[0]}: left out" >&2
      left=("${left[@]:1}")
    fi
    files=("${left[@]}")
  done
}

# Moves the PDFs LibreOffice wrote in $1 (`stem.pdf`) to OUT as `stem.$2.pdf`.
collect() {
  local pdf stem
  for pdf in "$1"/*.pdf; do
    stem=$(basename "$pdf" .pdf)
    mv "$pdf" "$out/$stem.$2.pdf"
  done
}

docx_made=0
make_docx() {
  [ "$docx_made" = 1 ] && return
  convert "$work/docx" docx --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" -- "${html[@]}"
  cp "$work"/docx/*.docx "$out/"
  docx_made=1
}

for renderer in $renderers; do
  mkdir -p "$work/$renderer"
  case $renderer in
    docx-lo)
      make_docx
      convert "$work/$renderer" pdf --convert-to "pdf:writer_pdf_Export" -- "$work"/docx/*.docx
      ;;
    docx-lo-pdfa)
      make_docx
      # SelectPdfVersion 2: PDF/A-2b.
      convert "$work/$renderer" pdf \
        --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' \
        -- "$work"/docx/*.docx
      ;;
    html-lo)
      convert "$work/$renderer" pdf --infilter="HTML (StarWriter)" \
        --convert-to "pdf:writer_pdf_Export" -- "${html[@]}"
      ;;
    html-chromium)
      export work
      printf '%s\n' "${html[@]}" | xargs -P "$jobs" -I{} sh -c '
        stem=$(basename "$1" .html)
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
          --user-data-dir="$work/chromium-$stem" --print-to-pdf="$work/html-chromium/$stem.pdf" \
          "file://$(realpath "$1")" > /dev/null 2>&1
        rm -rf "$work/chromium-$stem"' _ {}
      ;;
    *)
      echo "unknown renderer $renderer (docx-lo, docx-lo-pdfa, html-lo, html-chromium)" >&2
      exit 1
      ;;
  esac
  collect "$work/$renderer" "$renderer"
  made=$(ls "$out"/*."$renderer".pdf 2> /dev/null | wc -l)
  [ "$made" -eq ${#html[@]} ] || echo "$renderer: $made PDFs of ${#html[@]} HTML documents" >&2
done
