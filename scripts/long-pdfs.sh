# Sourced by the PDF benchmarks: the same long PDFs for every run, made from
# the fixture plans by repeating their pages. Needs $root (the repository)
# and $work (a temporary folder); writes $work/libreoffice.pdf and
# $work/chromium.pdf.

make_long() { # NAME SOURCE COPIES
    local name="$1" source="$2" copies="$3" pages=()
    for _ in $(seq "$copies"); do pages+=("$source"); done
    qpdf --empty --pages "${pages[@]}" -- "$work/$name.pdf"
}

make_long libreoffice "$root/fixtures/pdf/portoferraio-2021.libreoffice.pdf" 18
make_long chromium "$root/fixtures/pdf/portoferraio-2021.chromium.pdf" 15
