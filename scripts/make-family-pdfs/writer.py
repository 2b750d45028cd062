"""Writes one fixture three ways at once: the text dump, the HTML that the PDF
is rendered from, and the line numbers the gold needs.

A text dump is UTF-8 lines; the cells of one table row are separated by TAB; a
wrapped cell goes on over the next line(s) whose cells before it are empty (the
line starts with a TAB), the rest of the text in the same column; a form feed
opens a new page. The HTML holds the same cells (a wrapped cell joined with one
space), so the PDF and the text dump mean the same plan.
"""

import html


def joined(cell):
    """A cell's text as the gold holds it: its fragments joined with one space."""
    if cell is None:
        return None
    if isinstance(cell, (list, tuple)):
        return " ".join(part.strip() for part in cell)
    return cell


class Writer:
    """Collects the lines of a text dump and the HTML of the same content."""

    def __init__(self, page_header=None, page_footer=None):
        self.lines = []
        self.body = []
        self.table = None
        self.form_feed = False
        self.page_header = page_header
        self.page_footer = page_footer
        self.pages = 1
        if page_header:
            self._text(page_header)

    def _text(self, text):
        if self.form_feed:
            text = "\f" + text
            self.form_feed = False
        self.lines.append(text)
        return len(self.lines)

    def _close_table(self):
        if self.table is None:
            return
        width = max(len(cells) for cells, _ in self.table)
        rows = []
        for cells, header in self.table:
            tag = "th" if header else "td"
            if len(cells) == 1:
                # A one-cell line inside a table ("Peso: 30%") spans the table.
                rows.append(f'<tr><{tag} colspan="{width}">'
                            f'{html.escape(joined(cells[0]) or "")}</{tag}></tr>')
            else:
                rows.append("<tr>" + "".join(
                    f"<{tag}>{html.escape(joined(cell) or '')}</{tag}>" for cell in cells)
                    + "</tr>")
        self.body.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">'
                         + "".join(rows) + "</table>")
        self.table = None

    def line(self, text, tag="p"):
        """A single-cell line outside any table (heading, prose); its line number."""
        self._close_table()
        self.body.append(f"<{tag}>{html.escape(text)}</{tag}>")
        return self._text(text)

    def blank(self):
        """An empty line; it also ends the table being written (in the HTML, a
        table followed by an empty paragraph, so that two tables stay apart)."""
        if self.table is not None:
            self._close_table()
            self.body.append("<p>&nbsp;</p>")
        self._text("")

    def row(self, cells, header=False):
        """One table row; a cell is a string, None (empty) or a list of fragments
        written on consecutive lines. Returns (first, last) line numbers."""
        fragments = [cell if isinstance(cell, (list, tuple)) else [cell or ""] for cell in cells]
        depth = max(len(parts) for parts in fragments)
        first = None
        for level in range(depth):
            parts = [parts[level] if level < len(parts) else "" for parts in fragments]
            text = "\t".join(parts).rstrip("\t")
            number = self._text(text)
            first = first or number
        last = len(self.lines)
        if self.table is None:
            self.table = []
        self.table.append((cells, header))
        return [first, last]

    def page_break(self):
        """Ends the page: its footer line (if any), a form feed, the next page's header."""
        self._close_table()
        if self.page_footer:
            self._text(self.page_footer.format(page=self.pages, pages="{pages}"))
        self.pages += 1
        self.body.append('<p class="page-break" style="page-break-before: always"></p>')
        self.form_feed = True
        if self.page_header:
            self._text(self.page_header)

    def finish(self):
        """The text of the dump (the last page's footer added) and the HTML body."""
        self._close_table()
        if self.page_footer:
            self._text(self.page_footer.format(page=self.pages, pages="{pages}"))
        text = "\n".join(line.replace("{pages}", str(self.pages)) for line in self.lines) + "\n"
        return text, "\n".join(self.body)
