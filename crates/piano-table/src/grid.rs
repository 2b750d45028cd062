//! Ruling lines to tables: rules that touch form a component; its vertical
//! rules give the column edges and its horizontal rules (plus the ends of
//! the verticals, where a page cut a row without closing it) the row edges.
//! Consecutive row bands with the same column edges form one table.

use crate::Rule;

/// Rules closer than this (points) are the same line.
const SAME_LINE: f32 = 2.0;
/// Rows thinner than this (points) are double borders, not rows.
const MIN_ROW: f32 = 3.0;

/// A bordered table on one page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// Column edges, left to right: n + 1 edges for n columns.
    pub columns: Vec<f32>,
    /// Row bands, top to bottom, as (top, bottom).
    pub rows: Vec<(f32, f32)>,
}

impl Table {
    /// The column holding x, if x lies inside the table.
    pub fn column_at(&self, x: f32) -> Option<usize> {
        self.columns.windows(2).position(|w| w[0] <= x && x < w[1])
    }

    /// The nearest column to x (for text that overflows its cell).
    pub fn nearest_column(&self, x: f32) -> usize {
        let centres = self.columns.windows(2).map(|w| (w[0] + w[1]) / 2.0);
        centres
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map_or(0, |(i, _)| i)
    }

    /// The row band holding y.
    pub fn row_at(&self, y: f32) -> Option<usize> {
        self.rows
            .iter()
            .position(|&(top, bottom)| top <= y && y < bottom)
    }

    /// Left and right edges.
    pub fn x_range(&self) -> (f32, f32) {
        (
            self.columns.first().copied().unwrap_or(0.0),
            self.columns.last().copied().unwrap_or(0.0),
        )
    }
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    at: f32,
    from: f32,
    to: f32,
}

/// Finds the bordered tables among a page's rules.
pub(crate) fn find_tables(rules: &[Rule]) -> Vec<Table> {
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    for rule in rules {
        match *rule {
            Rule::Horizontal { y, x0, x1 } => horizontal.push(Segment {
                at: y,
                from: x0,
                to: x1,
            }),
            Rule::Vertical { x, y0, y1 } => vertical.push(Segment {
                at: x,
                from: y0,
                to: y1,
            }),
        }
    }
    let horizontal = merge(horizontal);
    let vertical = merge(vertical);
    let mut tables = Vec::new();
    for (hs, vs) in components(&horizontal, &vertical) {
        tables.extend(tables_of(&hs, &vs));
    }
    tables
}

/// Merges collinear segments that overlap or touch.
fn merge(mut segments: Vec<Segment>) -> Vec<Segment> {
    segments.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut lines: Vec<Vec<Segment>> = Vec::new();
    for segment in segments {
        match lines.last_mut() {
            Some(line) if (line[0].at - segment.at).abs() <= SAME_LINE / 2.0 => line.push(segment),
            _ => lines.push(vec![segment]),
        }
    }
    let mut merged = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut current: Option<Segment> = None;
        for segment in line {
            current = match current {
                Some(mut open) if segment.from <= open.to + SAME_LINE => {
                    open.to = open.to.max(segment.to);
                    Some(open)
                }
                Some(open) => {
                    merged.push(open);
                    Some(segment)
                }
                None => Some(segment),
            };
        }
        merged.extend(current);
    }
    merged
}

fn touches(h: &Segment, v: &Segment) -> bool {
    h.from - SAME_LINE <= v.at
        && v.at <= h.to + SAME_LINE
        && v.from - SAME_LINE <= h.at
        && h.at <= v.to + SAME_LINE
}

/// Groups rules that touch, by union-find over horizontal × vertical pairs.
fn components(horizontal: &[Segment], vertical: &[Segment]) -> Vec<(Vec<Segment>, Vec<Segment>)> {
    let n = horizontal.len();
    let mut parent: Vec<usize> = (0..n + vertical.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            if touches(h, v) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, n + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Segment>, Vec<Segment>)> = Vec::new();
    for i in 0..parent.len() {
        let root = find(&mut parent, i);
        let index = match groups.iter().position(|g| g.0 == root) {
            Some(index) => index,
            None => {
                groups.push((root, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if i < n {
            groups[index].1.push(horizontal[i]);
        } else {
            groups[index].2.push(vertical[i - n]);
        }
    }
    groups.into_iter().map(|(_, h, v)| (h, v)).collect()
}

/// Sorted values, those closer than `SAME_LINE` taken as one.
fn distinct(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for value in values {
        match out.last() {
            Some(last) if value - last <= SAME_LINE => {}
            _ => out.push(value),
        }
    }
    out
}

fn tables_of(horizontal: &[Segment], vertical: &[Segment]) -> Vec<Table> {
    if vertical.len() < 2 {
        return Vec::new();
    }
    let mut edges: Vec<f32> = horizontal.iter().map(|h| h.at).collect();
    edges.extend(vertical.iter().map(|v| v.from));
    edges.extend(vertical.iter().map(|v| v.to));
    let edges = distinct(edges);
    let mut tables: Vec<Table> = Vec::new();
    for pair in edges.windows(2) {
        let (top, bottom) = (pair[0], pair[1]);
        if bottom - top < MIN_ROW {
            continue;
        }
        let middle = (top + bottom) / 2.0;
        let columns = distinct(
            vertical
                .iter()
                .filter(|v| v.from <= middle && middle <= v.to)
                .map(|v| v.at)
                .collect(),
        );
        if columns.len() < 2 {
            continue;
        }
        match tables.last_mut() {
            Some(table) if same_columns(&table.columns, &columns) && touching(table, top) => {
                table.rows.push((top, bottom));
            }
            _ => tables.push(Table {
                columns,
                rows: vec![(top, bottom)],
            }),
        }
    }
    join_merged_header_rows(tables)
}

/// Joins a table of one row to the table right under it when each of its
/// column edges is one of the other's, which has more: a header row whose
/// cells are merged over several columns (a two-level header's group
/// label, as Word tables have), read with the columns of the rows below.
/// A table of two columns (a card's labels and values) stays apart.
fn join_merged_header_rows(tables: Vec<Table>) -> Vec<Table> {
    let mut joined: Vec<Table> = Vec::with_capacity(tables.len());
    for table in tables {
        if let Some(above) = joined.last_mut()
            && above.rows.len() == 1
            && above.columns.len() >= 4
            && table.columns.len() > above.columns.len()
            && touching(above, table.rows[0].0)
            && above.columns.iter().all(|edge| {
                table
                    .columns
                    .iter()
                    .any(|other| (edge - other).abs() <= 3.0 * SAME_LINE)
            })
        {
            above.columns = table.columns;
            above.rows.extend(table.rows);
            continue;
        }
        joined.push(table);
    }
    joined
}

fn touching(table: &Table, top: f32) -> bool {
    table
        .rows
        .last()
        .is_some_and(|&(_, bottom)| top - bottom <= MIN_ROW)
}

/// Whether two lists of column edges are the same, within tolerance.
pub(crate) fn same_columns(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= 3.0 * SAME_LINE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(xs: &[f32], ys: &[f32]) -> Vec<Rule> {
        let (left, right) = (xs[0], xs[xs.len() - 1]);
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        let mut rules: Vec<Rule> = ys
            .iter()
            .map(|&y| Rule::Horizontal {
                y,
                x0: left,
                x1: right,
            })
            .collect();
        rules.extend(xs.iter().map(|&x| Rule::Vertical {
            x,
            y0: top,
            y1: bottom,
        }));
        rules
    }

    #[test]
    fn a_ruled_grid_gives_its_columns_and_rows() {
        let tables = find_tables(&grid(&[10.0, 50.0, 200.0], &[100.0, 120.0, 180.0]));
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].columns, vec![10.0, 50.0, 200.0]);
        assert_eq!(tables[0].rows, vec![(100.0, 120.0), (120.0, 180.0)]);
        assert_eq!(tables[0].column_at(60.0), Some(1));
        assert_eq!(tables[0].row_at(150.0), Some(1));
    }

    #[test]
    fn a_row_cut_by_the_page_ends_where_the_verticals_end() {
        let mut rules = grid(&[10.0, 50.0, 200.0], &[100.0, 120.0]);
        rules.extend([10.0, 50.0, 200.0].map(|x| Rule::Vertical {
            x,
            y0: 120.0,
            y1: 300.0,
        }));
        let tables = find_tables(&rules);
        assert_eq!(tables[0].rows.last(), Some(&(120.0, 300.0)));
    }

    #[test]
    fn cell_borders_drawn_piecewise_are_merged_and_tables_split_by_columns() {
        let mut rules = grid(&[10.0, 60.0, 200.0], &[100.0, 120.0]);
        rules.extend(grid(&[10.0, 30.0, 100.0, 200.0], &[120.0, 140.0, 160.0]));
        let tables = find_tables(&rules);
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[1].columns.len(), 4);
        assert_eq!(tables[1].rows.len(), 2);
    }

    #[test]
    fn a_header_row_with_a_cell_merged_over_two_columns_joins_the_table_below() {
        // The group label's cell spans the columns at 200..300: its band
        // has no rule at 250.
        let mut rules = grid(
            &[0.0, 100.0, 200.0, 250.0, 300.0, 400.0],
            &[20.0, 40.0, 60.0],
        );
        rules.retain(
            |rule| !matches!(rule, Rule::Vertical { x, y0, .. } if *x == 250.0 && *y0 < 30.0),
        );
        rules.push(Rule::Vertical {
            x: 250.0,
            y0: 40.0,
            y1: 60.0,
        });
        let tables = find_tables(&rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        assert_eq!(tables[0].columns.len(), 6);
        assert_eq!(tables[0].rows.len(), 2);
    }

    #[test]
    fn lone_rules_are_no_table() {
        let rules = [Rule::Horizontal {
            y: 10.0,
            x0: 0.0,
            x1: 100.0,
        }];
        assert!(find_tables(&rules).is_empty());
    }
}
