#!/usr/bin/env python3
"""Writes a one-page PDF whose only content is a grey image compressed with
LZWDecode (EarlyChange 1, the PDF default): an image-only file with a filter
the other producers here do not use. Standard library only.

Usage: lzw_image_pdf.py IMAGE.pgm OUT.pdf   (IMAGE: binary PGM, maxval 255)
"""

import sys


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P5" or maxval != 255:
        sys.exit(f"{path}: expected a binary 8-bit PGM (P5, maxval 255)")
    pixels = data[pos + 1:pos + 1 + width * height]
    if len(pixels) != width * height:
        sys.exit(f"{path}: short pixel data")
    return width, height, pixels


def lzw_encode(data):
    """LZW as PDF's LZWDecode reads it with EarlyChange 1: 9 to 12 bit codes,
    most significant bit first, 256 clears the table, 257 ends the data."""
    out, acc, nbits = bytearray(), 0, 0

    def emit(code, width):
        nonlocal acc, nbits
        acc = (acc << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)
        acc &= (1 << nbits) - 1

    def width_for(next_code):
        # The reader adds its entries one code behind the writer and widens one
        # code early: it reads 10 bits once its next code reaches 511.
        return 9 if next_code < 512 else 10 if next_code < 1024 else 11 if next_code < 2048 else 12

    table = {bytes([i]): i for i in range(256)}
    next_code = 258
    emit(256, 9)
    word = b""
    for byte in data:
        candidate = word + bytes([byte])
        if candidate in table:
            word = candidate
            continue
        emit(table[word], width_for(next_code))
        table[candidate] = next_code
        next_code += 1
        word = bytes([byte])
        if next_code >= 4094:
            emit(256, 12)
            table = {bytes([i]): i for i in range(256)}
            next_code = 258
    if word:
        emit(table[word], width_for(next_code))
        next_code += 1
    emit(257, width_for(next_code))
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


def main():
    width, height, pixels = read_pgm(sys.argv[1])
    stream = lzw_encode(pixels)
    # A4 portrait, the picture 500 pt wide near the top.
    shown_w = 500
    shown_h = round(500 * height / width)
    content = f"q {shown_w} 0 0 {shown_h} 48 {842 - 60 - shown_h} cm /Im0 Do Q\n".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
         f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /LZWDecode "
         f"/Length {len(stream)} >>\nstream\n").encode() + stream + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream",
        b"<< /Producer (piano scripts/make-special-pdfs/lzw_image_pdf.py) >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        pdf += f"{offset:010d} 00000 n \n".encode()
    pdf += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    open(sys.argv[2], "wb").write(pdf)


if __name__ == "__main__":
    main()
