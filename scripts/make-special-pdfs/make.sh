#!/usr/bin/env bash
# Makes the PDFs of fixtures/pdf-special/: files the project makes itself for
# the special cases the PDF layer must handle (a password, pages that are only
# images, PDF/A, a rotated page, several pages of plain text, an LZW filter).
# The texts are written here; nothing is copied from anyone else's collection.
#
# Usage: scripts/make-special-pdfs/make.sh [OUT_DIR]   (default fixtures/pdf-special)
# Needs: soffice (LibreOffice Writer), qpdf, img2pdf, ImageMagick's convert,
# fc-match (fontconfig), pdftotext (poppler-utils), python3. See README.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/fixtures/pdf-special}
# ImageMagick 6 is `convert`; a `convert` earlier on PATH that is not
# ImageMagick can be bypassed with CONVERT=/usr/bin/convert.
convert=${CONVERT:-$(command -v magick || command -v convert-im6.q16 || echo convert)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# LibreOffice Writer: HTML in, PDF out, with the PDF export options given as JSON.
writer() { # writer HTML OUT.pdf [JSON-OPTIONS]
    local html=$1 pdf=$2 options=${3:-}
    local filter=writer_pdf_Export
    [ -n "$options" ] && filter="writer_pdf_Export:$options"
    soffice "-env:UserInstallation=file://$work/profile" --headless \
        --infilter="HTML (StarWriter)" --convert-to "pdf:$filter" \
        --outdir "$work/lo" "$html" >/dev/null
    mv "$work/lo/$(basename "${html%.html}").pdf" "$pdf"
}

# poppler's reading, to compare words with (a peer, not a gold standard).
poppler() { pdftotext -raw "$1" "${1%.pdf}.pdftotext.txt"; }

# Plan-like prose, one paragraph per call, each different from the others (a
# line repeated in the same place on every page would be a running header).
subjects=("Il Servizio Tributi" "L'Ufficio Tecnico" "La Polizia Locale" "I Servizi Sociali"
    "L'Ufficio Anagrafe" "La Biblioteca comunale" "Il Servizio Personale" "L'Ufficio Ambiente"
    "Il Settore Finanziario" "L'Ufficio Cultura" "Lo Sportello Unico" "Il Servizio Scuola"
    "L'Ufficio Contratti" "Il Servizio Informatico" "La Segreteria Generale" "L'Ufficio Sport")
actions=("cura la riscossione ordinaria e coattiva delle entrate comunali"
    "progetta la manutenzione straordinaria degli edifici scolastici"
    "presidia il territorio nelle ore serali e nei giorni festivi"
    "segue i progetti individuali di sostegno alle famiglie fragili"
    "aggiorna l'anagrafe nazionale e rilascia la carta d'identità elettronica"
    "organizza le letture per ragazzi e il prestito interbibliotecario"
    "gestisce i concorsi, la formazione obbligatoria e il lavoro agile"
    "controlla la raccolta differenziata e le bonifiche delle aree verdi")
closings=("Gli indicatori sono il numero di pratiche concluse nei termini e il tempo medio di risposta."
    "Il risultato atteso è la riduzione dell'arretrato di almeno un terzo rispetto all'anno precedente."
    "La verifica intermedia si tiene a luglio, quella finale entro il 31 dicembre."
    "Il grado di soddisfazione degli utenti è rilevato con un questionario anonimo.")
paragraph() { # paragraph N: the N-th paragraph (0-based), numbered on the page as LABEL
    local n=$1 label=$2
    printf '<p>Obiettivo %s. %s %s. %s %s</p>\n' \
        "$label" "${subjects[n % 16]}" "${actions[(n * 3) % 8]}" "${closings[(n + n / 4) % 4]}" "${closings[(n + n / 4 + 2) % 4]}"
}

# 1. Several pages of plain text: headings, prose, a list, one page each.
{
    echo '<html><head><meta charset="utf-8"><style>body { font-family: "Liberation Serif"; font-size: 12pt; }</style></head><body>'
    sections=("Programmazione e controllo" "Bilancio e tributi" "Lavori pubblici e ambiente"
        "Servizi alla persona")
    for page in 1 2 3 4; do
        [ "$page" -gt 1 ] && echo '<p style="page-break-before: always"></p>'
        echo "<h1>Sezione $page: ${sections[page - 1]}</h1>"
        for n in 1 2 3; do paragraph $(((page - 1) * 4 + n - 1)) "$page.$n"; done
        echo "<ul><li>${subjects[page + 3]}: peso $((page * 10))%</li><li>${subjects[page + 7]}: scadenza 30.06.2024</li><li>${subjects[page + 11]}: fase $page di 4</li></ul>"
        paragraph $(((page - 1) * 4 + 3)) "$page.4"
    done
    echo '</body></html>'
} > "$work/plain-4-pages.html"
writer "$work/plain-4-pages.html" "$out/plain-4-pages.libreoffice.pdf"
poppler "$out/plain-4-pages.libreoffice.pdf"

# 2. PDF/A-2b (SelectPdfVersion 2): XMP metadata, an output intent, every font embedded.
{
    echo '<html><head><meta charset="utf-8"><style>body { font-family: "DejaVu Sans"; font-size: 11pt; }</style></head><body>'
    echo '<h1>Comune di Esempio — Relazione sulla Performance</h1>'
    for n in 1 2 3; do paragraph "$n" "A.$n"; done
    echo '<p>Risultato raggiunto: 97,5% degli obiettivi; risorse impiegate € 12.500,00; città, attività, qualità.</p>'
    echo '</body></html>'
} > "$work/pdfa-2b.html"
writer "$work/pdfa-2b.html" "$out/pdfa-2b.libreoffice.pdf" \
    '{"SelectPdfVersion":{"type":"long","value":"2"}}'
poppler "$out/pdfa-2b.libreoffice.pdf"

# 3. A rotated page: two pages, the first turned a quarter with /Rotate by
#    qpdf. Arabic and Greek words as well, so the font needs its ToUnicode CMap.
{
    echo '<html><head><meta charset="utf-8"><style>body { font-family: "DejaVu Sans"; font-size: 12pt; }</style></head><body>'
    echo '<h1>Pagina ruotata: Obiettivi operativi</h1>'
    paragraph 5 "R.1"
    echo '<p>Parole di controllo: habibi <span lang="ar">حبيبي</span> e αβγ δέλτα.</p>'
    echo '<p style="page-break-before: always"></p>'
    echo '<h1>Pagina diritta: Indicatori</h1>'
    paragraph 10 "R.2"
    echo '</body></html>'
} > "$work/rotated.html"
writer "$work/rotated.html" "$work/rotated.pdf"
qpdf --rotate=+90:1 "$work/rotated.pdf" "$out/rotated.qpdf.pdf"
poppler "$out/rotated.qpdf.pdf"

# 4. Passwords: LibreOffice's own encryption, and qpdf's AES-256 (R6).
{
    echo '<html><head><meta charset="utf-8"></head><body>'
    echo '<h1>Documento riservato</h1>'
    paragraph 0 "P.1"
    echo '</body></html>'
} > "$work/password.html"
writer "$work/password.html" "$out/password.libreoffice.pdf" \
    '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"openpassword"},"PermissionPassword":{"type":"string","value":"permissionpassword"}}'
writer "$work/password.html" "$work/password-plain.pdf"
qpdf --encrypt user owner 256 -- "$work/password-plain.pdf" "$out/password-aes256.qpdf.pdf"

# 5. Pages that are pictures only: a table drawn by ImageMagick (its words are
#    pixels), put into a PDF by img2pdf (Flate) and by lzw_image_pdf.py (LZW).
font=$(fc-match -f '%{file}' 'DejaVu Sans')
"$convert" -size 840x360 xc:white -fill none -stroke black -strokewidth 2 \
    -draw 'rectangle 20,20 820,340' \
    -draw 'line 20,80 820,80' -draw 'line 20,160 820,160' -draw 'line 20,240 820,240' \
    -draw 'line 90,20 90,340' -draw 'line 560,20 560,340' -draw 'line 660,20 660,340' \
    -stroke none -fill black -font "$font" -pointsize 20 \
    -annotate +35+58 'N°' -annotate +105+58 'Descrizione Obiettivo' \
    -annotate +575+58 'Peso %' -annotate +675+58 'Scadenza' \
    -annotate +40+130 '1' -annotate +105+130 'Digitalizzazione archivio' \
    -annotate +590+130 '40%' -annotate +670+130 '31.12.2024' \
    -annotate +40+210 '2' -annotate +105+210 'Riduzione tempi di pagamento' \
    -annotate +590+210 '35%' -annotate +670+210 '30.06.2024' \
    -annotate +40+290 '3' -annotate +105+290 'Sportello unico edilizia' \
    -annotate +590+290 '25%' -annotate +670+290 '31.10.2024' \
    -colorspace Gray -depth 8 -strip "$work/scanned-table.png"
img2pdf --pagesize A4 -o "$out/scanned-table.img2pdf.pdf" "$work/scanned-table.png"
"$convert" "$work/scanned-table.png" -colorspace Gray -depth 8 "pgm:$work/scanned-table.pgm"
python3 "$here/lzw_image_pdf.py" "$work/scanned-table.pgm" "$out/scanned-table.lzw.pdf"
# The LZW stream must decode to the very pixels: qpdf decodes it independently.
qpdf --show-object=4 --filtered-stream-data "$out/scanned-table.lzw.pdf" > "$work/decoded.raw"
tail -c "$(stat -c %s "$work/decoded.raw")" "$work/scanned-table.pgm" | cmp - "$work/decoded.raw"

for pdf in "$out"/*.pdf; do
    case $pdf in *password*) continue ;; esac
    qpdf --check "$pdf" >/dev/null
done
ls -l "$out"
