//! Lines that hold what two lines hold, parted at a cell before any line is
//! classified (a mission beside its programme, two card fields on one row):
//! each part is then read as the line it is. Both keep the line's number.

use piano_model::TextLine;

/// Parts each line where `at` gives the index of the cell the second part
/// starts with; other lines stay as they are.
pub fn part_lines(lines: &mut Vec<TextLine>, at: impl Fn(&TextLine) -> Option<usize>) {
    let cuts: Vec<Option<usize>> = lines.iter().map(at).collect();
    if cuts.iter().all(Option::is_none) {
        return;
    }
    let mut parted = Vec::with_capacity(lines.len() + 1);
    for (mut line, cut) in lines.drain(..).zip(cuts) {
        let Some(cut) = cut else {
            parted.push(line);
            continue;
        };
        let rest = line.cells.split_off(cut);
        parted.push(line.clone());
        parted.push(TextLine {
            cells: rest,
            ..line
        });
    }
    *lines = parted;
}

/// The indices of the cells of `line` that hold text, when exactly `N` do
/// (the lines these passes part are of two or four); `None` otherwise, found
/// without reading past the cell after the `N`th.
pub fn filled_cells<const N: usize>(line: &TextLine) -> Option<[usize; N]> {
    let mut filled =
        (0..line.cells.len()).filter(|&index| !line.cells[index].text.trim().is_empty());
    let mut indices = [0; N];
    for slot in &mut indices {
        *slot = filled.next()?;
    }
    filled.next().is_none().then_some(indices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_parted_where_asked_and_both_parts_keep_its_number() {
        let mut lines = vec![
            TextLine::from_texts(3, None, ["a", "", "b", "c"]),
            TextLine::from_texts(4, None, ["d"]),
        ];
        part_lines(&mut lines, |line| (line.number == 3).then_some(2));
        let parts: Vec<(u32, String)> = lines
            .iter()
            .map(|line| (line.number, line.to_tab_separated()))
            .collect();
        assert_eq!(
            parts,
            [
                (3, "a\t".to_owned()),
                (3, "b\tc".to_owned()),
                (4, "d".to_owned())
            ]
        );
    }
}
