//! The lines of a dump being written, numbered as the file's lines, with
//! the page each falls on when pages are cut by form feeds.

/// A dump being written, one entry per line.
#[derive(Default)]
pub struct Lines {
    /// The lines so far.
    pub lines: Vec<String>,
    /// Whether pages are cut by a form feed (else only the page number shows).
    pub form_feeds: bool,
    /// The page being written (1-based).
    page: u32,
    /// Whether the next line opens a new page (with a form feed).
    feed: bool,
}

impl Lines {
    /// An empty dump; `form_feeds` says whether pages are cut by form feeds.
    pub fn new(form_feeds: bool) -> Lines {
        Lines {
            form_feeds,
            page: 1,
            ..Lines::default()
        }
    }

    /// Appends a line and returns its 1-based number.
    pub fn push(&mut self, line: &str) -> u32 {
        if std::mem::take(&mut self.feed) {
            self.lines.push(format!("\u{c}{line}"));
            self.page += 1;
        } else {
            self.lines.push(line.to_owned());
        }
        self.number()
    }

    /// The number of the last line written.
    pub fn number(&self) -> u32 {
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    /// The page the next line falls on: `None` without form feeds.
    pub fn page(&self) -> Option<u32> {
        self.form_feeds.then(|| self.page + u32::from(self.feed))
    }

    /// Appends a blank line unless the last one is blank already.
    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|line| !line.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// The foot of a page numbered `number` (`indent` spaces before it),
    /// then a new page. A dump with form feeds sets the number apart by
    /// three blank lines, as `pdftotext -layout` does for a page's foot.
    pub fn page_end(&mut self, number: u32, indent: usize) {
        self.blank();
        if self.form_feeds {
            self.lines.extend([String::new(), String::new()]);
        }
        self.push(&format!("{}{number}", " ".repeat(indent)));
        if self.form_feeds {
            self.feed = true;
        } else {
            self.blank();
        }
    }

    /// The dump's text: trailing blank lines dropped, one line end after the last.
    pub fn finish(mut self) -> (String, u32) {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let last = self.number();
        let mut text = self.lines.join("\n");
        text.push('\n');
        (text, last)
    }
}
