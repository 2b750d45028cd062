//! Runs a page's content stream: the graphics state (`cm`, `q`/`Q`), the text
//! state and matrices, every text-showing operator, paths, Form XObjects.
//!
//! What comes out is what the table rebuild needs: each glyph placed on the
//! page (origin top-left, y down, after `/Rotate`) and the ruling lines that
//! paths draw (table borders), in the same coordinates.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{DEFAULT_MAX_DECOMPRESSED_SIZE, Dictionary, Document, Object, ObjectId};

use crate::font::Font;
use crate::geometry::Matrix;
use crate::placement::Placement;
use crate::scan::Drawn;

/// How deep Form XObjects may nest (loops are cut as well).
const MAX_FORM_DEPTH: usize = 12;
/// How many `q` may be open at once (a hostile stream cannot grow memory).
const MAX_SAVED_STATES: usize = 256;
/// A filled shape at most this thick (points) is a ruling line.
const RULE_THICKNESS: f32 = 3.0;

/// One shown character code, placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Its text (a space for a word space; several letters for a ligature).
    pub text: Rc<str>,
    /// Left edge.
    pub x0: f32,
    /// Right edge (left edge + advance).
    pub x1: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size on the page.
    pub size: f32,
    /// Where the glyph's baseline starts and ends on the page, which tells
    /// the direction the text runs in.
    pub run: [(f32, f32); 2],
    /// Whether it is drawn invisible (text render mode 3 or 7, as OCR
    /// programs write the words they recognised over a scan).
    pub invisible: bool,
}

pub(crate) use piano_table::Rule;

/// What one page draws.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// Glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Ruling lines.
    pub rules: Vec<Rule>,
    /// Images drawn (XObjects and inline).
    pub images: usize,
    /// The image XObjects drawn, where they land.
    pub pictures: Vec<Drawn>,
    /// What could not be read, for diagnostics.
    pub problems: Vec<String>,
}

/// Fonts already read, shared by the pages of a document.
pub(crate) type FontCache<'a> = HashMap<ObjectId, Rc<Font<'a>>>;

#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    font: Option<Rc<Font<'a>>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    /// The text render mode (`Tr`).
    render: i64,
}

/// The interpreter of one page.
pub(crate) struct Interpreter<'a, 'c> {
    doc: &'a Document,
    fonts: &'c mut FontCache<'a>,
    page: Matrix,
    width: f32,
    height: f32,
    state: State<'a>,
    stack: Vec<State<'a>>,
    text: Matrix,
    line: Matrix,
    path: Vec<Vec<(f32, f32)>>,
    curved: bool,
    forms: Vec<ObjectId>,
    marks: Marks,
}

impl<'a, 'c> Interpreter<'a, 'c> {
    /// An interpreter for a page of the given size, with `page` mapping user
    /// space to the page as read.
    pub fn new(
        doc: &'a Document,
        fonts: &'c mut FontCache<'a>,
        page: Matrix,
        width: f32,
        height: f32,
    ) -> Self {
        Interpreter {
            doc,
            fonts,
            page,
            width,
            height,
            state: State {
                ctm: Matrix::IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
                render: 0,
            },
            stack: Vec::new(),
            text: Matrix::IDENTITY,
            line: Matrix::IDENTITY,
            path: Vec::new(),
            curved: false,
            forms: Vec::new(),
            marks: Marks::default(),
        }
    }

    /// Runs a content stream with its resources (innermost first).
    pub fn run(mut self, content: &[u8], resources: &[&'a Dictionary]) -> Marks {
        self.run_content(content, resources);
        self.marks
    }

    fn run_content(&mut self, content: &[u8], resources: &[&'a Dictionary]) {
        // Operation by operation, so a damaged stream is read up to the damage.
        for operation in Content::decode_iter(content) {
            match operation {
                Ok(operation) => self.operate(&operation, resources),
                Err(error) => {
                    self.marks.problems.push(format!(
                        "content stream damaged ({error}); read up to the damage"
                    ));
                    return;
                }
            }
        }
    }

    fn operate(&mut self, op: &Operation, resources: &[&'a Dictionary]) {
        let nums = || -> Vec<f32> {
            op.operands
                .iter()
                .filter_map(|o| o.as_float().ok())
                .collect()
        };
        match op.operator.as_str() {
            "q" if self.stack.len() < MAX_SAVED_STATES => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(state) = self.stack.pop() {
                    self.state = state;
                }
            }
            "cm" => {
                if let Ok(m) = <[f32; 6]>::try_from(nums()) {
                    self.state.ctm = Matrix::new(m).then(&self.state.ctm);
                }
            }
            "BT" => {
                self.text = Matrix::IDENTITY;
                self.line = Matrix::IDENTITY;
            }
            "Tf" => self.set_font(op, resources),
            "Tc" => self.set_number(op, |s, v| s.char_spacing = v),
            "Tw" => self.set_number(op, |s, v| s.word_spacing = v),
            "Tz" => self.set_number(op, |s, v| s.scale = v / 100.0),
            "TL" => self.set_number(op, |s, v| s.leading = v),
            "Ts" => self.set_number(op, |s, v| s.rise = v),
            "Tr" => {
                if let Some(Ok(mode)) = op.operands.first().map(Object::as_i64) {
                    self.state.render = mode;
                }
            }
            "Td" => {
                if let [x, y] = nums()[..] {
                    self.next_line(x, y);
                }
            }
            "TD" => {
                if let [x, y] = nums()[..] {
                    self.state.leading = -y;
                    self.next_line(x, y);
                }
            }
            "Tm" => {
                if let Ok(m) = <[f32; 6]>::try_from(nums()) {
                    self.text = Matrix::new(m);
                    self.line = self.text;
                }
            }
            "T*" => self.next_line(0.0, -self.state.leading),
            "Tj" => self.show_operand(op.operands.first()),
            "'" => {
                self.next_line(0.0, -self.state.leading);
                self.show_operand(op.operands.first());
            }
            "\"" => {
                if let [aw, ac, ..] = nums()[..] {
                    self.state.word_spacing = aw;
                    self.state.char_spacing = ac;
                }
                self.next_line(0.0, -self.state.leading);
                self.show_operand(op.operands.get(2));
            }
            "TJ" => self.show_array(op.operands.first()),
            "m" => {
                if let [x, y] = nums()[..] {
                    let point = self.to_page(x, y);
                    self.path.push(vec![point]);
                }
            }
            "l" => {
                if let [x, y] = nums()[..] {
                    let point = self.to_page(x, y);
                    match self.path.last_mut() {
                        Some(subpath) => subpath.push(point),
                        None => self.path.push(vec![point]),
                    }
                }
            }
            "c" | "v" | "y" => self.curved = true,
            "h" => {
                if let Some(subpath) = self.path.last_mut()
                    && let Some(first) = subpath.first().copied()
                {
                    subpath.push(first);
                }
            }
            "re" => {
                if let [x, y, w, h] = nums()[..] {
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    let subpath = corners.iter().map(|&(x, y)| self.to_page(x, y)).collect();
                    self.path.push(subpath);
                }
            }
            "S" | "s" => self.paint(true, false),
            "f" | "F" | "f*" => self.paint(false, true),
            "B" | "B*" | "b" | "b*" => self.paint(true, true),
            "n" => self.paint(false, false),
            "Do" => self.draw_xobject(op, resources),
            "BI" | "EI" => self.marks.images += usize::from(op.operator == "BI"),
            _ => {}
        }
    }

    fn set_number(&mut self, op: &Operation, set: impl Fn(&mut State<'a>, f32)) {
        if let Some(value) = op.operands.first().and_then(|o| o.as_float().ok()) {
            set(&mut self.state, value);
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.line = Matrix::translate(x, y).then(&self.line);
        self.text = self.line;
    }

    fn to_page(&self, x: f32, y: f32) -> (f32, f32) {
        let (x, y) = self.state.ctm.apply(x, y);
        self.page.apply(x, y)
    }

    fn set_font(&mut self, op: &Operation, resources: &[&'a Dictionary]) {
        if let Some(size) = op.operands.get(1).and_then(|o| o.as_float().ok()) {
            self.state.size = size;
        }
        let Some(Ok(name)) = op.operands.first().map(Object::as_name) else {
            return;
        };
        self.state.font = self.font(name, resources);
        if self.state.font.is_none() {
            self.marks.problems.push(format!(
                "font /{} not found in the resources",
                String::from_utf8_lossy(name)
            ));
        }
    }

    fn font(&mut self, name: &[u8], resources: &[&'a Dictionary]) -> Option<Rc<Font<'a>>> {
        let entry = lookup(self.doc, resources, b"Font", name)?;
        match entry {
            Object::Reference(id) => {
                if let Some(font) = self.fonts.get(id) {
                    return Some(font.clone());
                }
                let dict = self.doc.get_object(*id).ok()?.as_dict().ok()?;
                let font = Rc::new(Font::new(self.doc, dict));
                self.fonts.insert(*id, font.clone());
                Some(font)
            }
            Object::Dictionary(dict) => Some(Rc::new(Font::new(self.doc, dict))),
            _ => None,
        }
    }

    fn show_operand(&mut self, operand: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = operand {
            self.show(bytes);
        }
    }

    fn show_array(&mut self, operand: Option<&Object>) {
        let Some(Object::Array(items)) = operand else {
            return;
        };
        for item in items {
            match item {
                Object::String(bytes, _) => self.show(bytes),
                other => {
                    if let Ok(adjust) = other.as_float() {
                        let tx = -adjust / 1000.0 * self.state.size * self.state.scale;
                        self.text = Matrix::translate(tx, 0.0).then(&self.text);
                    }
                }
            }
        }
    }

    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let state = &self.state;
        let device = state.ctm.then(&self.page);
        for code in font.decode(bytes) {
            let full = self.text.then(&device);
            let advance = code.width * state.size * state.scale;
            let (ax, ay) = full.apply(0.0, state.rise);
            let (bx, by) = full.apply(advance, state.rise);
            let size = (state.size * full.vertical_scale()).abs();
            let spacing = state.char_spacing
                + if code.word_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let tx = (code.width * state.size + spacing) * state.scale;
            self.text = Matrix::translate(tx, 0.0).then(&self.text);
            let inside = ax > -5.0 && ax < self.width + 5.0 && ay > -5.0 && ay < self.height + 5.0;
            if code.text.is_empty() || !inside || size < 0.5 {
                continue;
            }
            self.marks.glyphs.push(Glyph {
                text: code.text,
                x0: ax.min(bx),
                x1: ax.max(bx),
                y: (ay + by) / 2.0,
                size,
                run: [(ax, ay), (bx, by)],
                invisible: matches!(state.render, 3 | 7),
            });
        }
    }

    fn paint(&mut self, stroke: bool, fill: bool) {
        let path = std::mem::take(&mut self.path);
        let curved = std::mem::replace(&mut self.curved, false);
        if curved || !(stroke || fill) {
            return;
        }
        for subpath in &path {
            if stroke {
                for pair in subpath.windows(2) {
                    if let Some(rule) = segment_rule(pair[0], pair[1]) {
                        self.marks.rules.push(rule);
                    }
                }
            } else if let Some(rule) = thin_shape_rule(subpath) {
                self.marks.rules.push(rule);
            }
        }
    }

    fn draw_xobject(&mut self, op: &Operation, resources: &[&'a Dictionary]) {
        let Some(Ok(name)) = op.operands.first().map(Object::as_name) else {
            return;
        };
        let Some(Object::Reference(id)) = lookup(self.doc, resources, b"XObject", name) else {
            return;
        };
        let Ok(stream) = self.doc.get_object(*id).and_then(Object::as_stream) else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                self.marks.images += 1;
                self.marks.pictures.push(Drawn {
                    id: *id,
                    placement: Placement::of(&self.state.ctm.then(&self.page)),
                });
            }
            Ok(b"Form") => {
                if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(id) {
                    self.marks
                        .problems
                        .push(format!("form XObject {} {} nested too deep", id.0, id.1));
                    return;
                }
                let content =
                    match stream.decompressed_content_with_limit(DEFAULT_MAX_DECOMPRESSED_SIZE) {
                        Ok(content) => content,
                        Err(_) if stream.dict.get(b"Filter").is_err() => stream.content.clone(),
                        Err(error) => {
                            self.marks.problems.push(format!(
                                "form XObject {} {} unreadable ({error})",
                                id.0, id.1
                            ));
                            return;
                        }
                    };
                let saved = (self.state.clone(), self.stack.len(), self.text, self.line);
                if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
                    let values: Vec<f32> = m.iter().filter_map(|v| v.as_float().ok()).collect();
                    if let Ok(m) = <[f32; 6]>::try_from(values) {
                        self.state.ctm = Matrix::new(m).then(&self.state.ctm);
                    }
                }
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| resolve(self.doc, o).as_dict().ok());
                let mut inner: Vec<&'a Dictionary> = own.into_iter().collect();
                inner.extend_from_slice(resources);
                self.forms.push(*id);
                self.run_content(&content, &inner);
                self.forms.pop();
                self.stack.truncate(saved.1);
                (self.state, self.text, self.line) = (saved.0, saved.2, saved.3);
            }
            _ => {}
        }
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

/// Finds `name` in the `category` (Font, XObject) of the innermost resources that have it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let group = resolve(doc, dict.get(category).ok()?).as_dict().ok()?;
        group.get(name).ok()
    })
}

fn segment_rule(a: (f32, f32), b: (f32, f32)) -> Option<Rule> {
    let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
    if dy < 1.0 && dx >= 1.0 {
        Some(Rule::Horizontal {
            y: (a.1 + b.1) / 2.0,
            x0: a.0.min(b.0),
            x1: a.0.max(b.0),
        })
    } else if dx < 1.0 && dy >= 1.0 {
        Some(Rule::Vertical {
            x: (a.0 + b.0) / 2.0,
            y0: a.1.min(b.1),
            y1: a.1.max(b.1),
        })
    } else {
        None
    }
}

fn thin_shape_rule(points: &[(f32, f32)]) -> Option<Rule> {
    let (first, rest) = points.split_first()?;
    let (mut x0, mut y0, mut x1, mut y1) = (first.0, first.1, first.0, first.1);
    for &(x, y) in rest {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let (w, h) = (x1 - x0, y1 - y0);
    if h <= RULE_THICKNESS && w > RULE_THICKNESS {
        Some(Rule::Horizontal {
            y: (y0 + y1) / 2.0,
            x0,
            x1,
        })
    } else if w <= RULE_THICKNESS && h > RULE_THICKNESS {
        Some(Rule::Vertical {
            x: (x0 + x1) / 2.0,
            y0,
            y1,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thin_filled_rectangles_are_rules() {
        let bar = [(10.0, 100.0), (200.0, 100.0), (200.0, 100.8), (10.0, 100.8)];
        assert!(matches!(
            thin_shape_rule(&bar),
            Some(Rule::Horizontal { x0, x1, .. }) if x0 == 10.0 && x1 == 200.0
        ));
        let block = [(10.0, 10.0), (200.0, 10.0), (200.0, 300.0), (10.0, 300.0)];
        assert_eq!(thin_shape_rule(&block), None);
    }

    #[test]
    fn diagonal_strokes_are_not_rules() {
        assert_eq!(segment_rule((0.0, 0.0), (10.0, 10.0)), None);
        assert!(matches!(
            segment_rule((5.0, 0.0), (5.2, 40.0)),
            Some(Rule::Vertical { .. })
        ));
    }
}
