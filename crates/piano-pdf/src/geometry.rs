//! Affine matrices of PDF user space and the page boxes they map into.

/// A PDF transformation matrix `[a b c d e f]`: a point `(x, y)` maps to
/// `(a·x + c·y + e, b·x + d·y + f)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    /// A matrix from six numbers in PDF order.
    pub fn new(values: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = values;
        Matrix { a, b, c, d, e, f }
    }

    /// A translation.
    pub fn translate(x: f32, y: f32) -> Matrix {
        Matrix::new([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `then` (PDF's `self × then`).
    pub fn then(&self, then: &Matrix) -> Matrix {
        Matrix {
            a: self.a * then.a + self.b * then.c,
            b: self.a * then.b + self.b * then.d,
            c: self.c * then.a + self.d * then.c,
            d: self.c * then.b + self.d * then.d,
            e: self.e * then.a + self.f * then.c + then.e,
            f: self.e * then.b + self.f * then.d + then.f,
        }
    }

    /// Maps a point.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    /// How much a vertical unit grows: the font size seen on the page.
    pub fn vertical_scale(&self) -> f32 {
        (self.c * self.c + self.d * self.d).sqrt()
    }
}

/// Maps user space to the page as a reader sees it: origin top-left, y down,
/// after the page's `/Rotate`.
pub(crate) fn page_matrix(media: [f32; 4], rotate: i64) -> (Matrix, f32, f32) {
    let [x0, y0, x1, y1] = media;
    let (width, height) = ((x1 - x0).abs(), (y1 - y0).abs());
    let (left, bottom) = (x0.min(x1), y0.min(y1));
    let to_origin = Matrix::translate(-left, -bottom);
    let flip = match rotate.rem_euclid(360) {
        90 => Matrix::new([0.0, 1.0, 1.0, 0.0, 0.0, 0.0]),
        180 => Matrix::new([-1.0, 0.0, 0.0, 1.0, width, 0.0]),
        270 => Matrix::new([0.0, -1.0, -1.0, 0.0, height, width]),
        _ => Matrix::new([1.0, 0.0, 0.0, -1.0, 0.0, height]),
    };
    let (page_width, page_height) = match rotate.rem_euclid(360) {
        90 | 270 => (height, width),
        _ => (width, height),
    };
    (to_origin.then(&flip), page_width, page_height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upright_page_puts_the_origin_top_left() {
        let (m, w, h) = page_matrix([0.0, 0.0, 600.0, 800.0], 0);
        assert_eq!((w, h), (600.0, 800.0));
        assert_eq!(m.apply(10.0, 790.0), (10.0, 10.0));
    }

    #[test]
    fn a_page_rotated_by_90_reads_left_to_right_down_the_long_edge() {
        let (m, w, h) = page_matrix([0.0, 0.0, 600.0, 800.0], 90);
        assert_eq!((w, h), (800.0, 600.0));
        // Text running up the unrotated page runs left to right once rotated.
        let (ax, _) = m.apply(100.0, 10.0);
        let (bx, _) = m.apply(100.0, 50.0);
        assert!(bx > ax);
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(5.0, 0.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (7.0, 2.0));
    }
}
