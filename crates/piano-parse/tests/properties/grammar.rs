//! A grammar of plan lines: structure headings, header fields, table headers,
//! rows with missing cells, continuations, page numbers, staff tables, prose
//! and debris, joined with one kind of line end and form feeds at random.

use proptest::prelude::*;
use proptest::sample::select;

fn words() -> impl Strategy<Value = String> {
    let word = select(vec![
        "Obiettivo",
        "di",
        "mantenimento:",
        "sviluppo:",
        "Fase:",
        "gestione",
        "dei",
        "servizi",
        "entro",
        "il",
        "31.12.2021",
        "(pluriennale",
        ")",
        "100%",
        "N.",
        "Missione",
        "ad",
        "interim",
        "STRUTTURA",
        "AREA",
        "–",
        "-",
        ";",
        "città",
        "<i>",
        "</i>",
    ]);
    proptest::collection::vec(word, 0..8).prop_map(|words| words.join(" "))
}

fn row_number() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..25).prop_map(|n| n.to_string()),
        (1u8..25, 1u8..6).prop_map(|(n, p)| format!("{n}.{p}")),
        (1u8..25, 1u8..6).prop_map(|(n, p)| format!("{n}.{p}.")),
        Just("0".to_owned()),
    ]
}

fn weight() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u8..=100).prop_map(|w| format!("{w}%")),
        (0u8..=100).prop_map(|w| format!("({w}%)")),
        (0u8..100, 0u8..100).prop_map(|(w, d)| format!("{w},{d} %")),
        Just(String::new()),
        Just("(50%))".to_owned()),
    ]
}

fn due() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..32, 1u8..13, 2019u16..2026).prop_map(|(d, m, y)| format!("{d:02}.{m:02}.{y}")),
        (1u8..32, 1u8..13, 19u16..26).prop_map(|(d, m, y)| format!("{d}/{m}/{y}")),
        (1u8..32, 1u8..13).prop_map(|(d, m)| format!("{d}.{m} di ogni anno")),
        select(vec![
            "31.12.202 1",
            "31.12.202",
            "novembre 2021",
            "1 dicembre di ogni",
            "anno",
            "pluriennale",
            "31.12 di",
            "(pluriennale",
            "31.01.2022 (salvo diverso termine)",
            "entro il 30.06.2021",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A generated line, and from which cell on its words must reach the plan
/// (`None`: headings, headers, page numbers and debris, whose words the model
/// need not keep).
pub(crate) type Line = (String, Option<usize>);

fn content(skip: usize) -> impl Fn(String) -> Line {
    move |line| (line, Some(skip))
}

fn other(line: String) -> Line {
    (line, None)
}

/// One line a plan of this family may hold, or debris such a plan may contain.
fn plan_line() -> impl Strategy<Value = Line> {
    prop_oneof![
        2 => (
            select(vec!["STRUTTURA", "SETTORE", "Area", "SERVIZIO"]),
            words(),
            select(vec![" - ", " – ", " "]),
            select(vec!["DIRIGENTE/RESPONSABILE", "RESPONSABILE", ""]),
            words(),
        )
            .prop_map(|(kind, name, dash, role, head)| other(format!("{kind}: {name}{dash}{role}: {head}"))),
        2 => (
            select(vec!["Linea Strategica", "Obiettivo Strategico", "Missione", "Obiettivo Operativo"]),
            words(),
        )
            .prop_map(|(field, value)| format!("{field}\t{value}"))
            .prop_map(content(1)),
        1 => select(vec![
            "N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori di Misurazione\tValori Attesi\tData Fine Attesa",
            "N.\tObiettivi Gestionali\tPeso\tIndicatore\tTarget\tScadenza",
            "N.\tDipendenti\tObiettivo\tPeso %",
            "Dipendenti coinvolti sugli obiettivi:",
        ])
        .prop_map(|line| other(line.to_owned())),
        6 => (row_number(), words(), weight(), words(), words(), due(), 0usize..6).prop_map(
            |(number, description, weight, indicators, expected, due, dropped)| {
                let mut cells = vec![number, description, weight, indicators, expected, due];
                if dropped > 1 {
                    cells.remove(dropped);
                }
                cells.join("\t")
            }
        )
        .prop_map(content(1)),
        2 => (0usize..5, words(), proptest::option::of(due())).prop_map(|(tabs, text, due)| {
            let mut line = "\t".repeat(tabs) + &text;
            if let Some(due) = due {
                line.push('\t');
                line.push_str(&due);
            }
            line
        })
        .prop_map(content(0)),
        1 => (1u16..300).prop_map(|n| other(n.to_string())),
        1 => words().prop_map(content(0)),
        1 => "[ -~\t()%°–àè]{0,40}".prop_map(other),
        1 => select(vec!["", "   ", "\t"]).prop_map(|line| other(line.to_owned())),
    ]
}

fn plan_lines() -> impl Strategy<Value = Vec<Line>> {
    let opening = Just(vec![
        other("COMUNE DI PORTOFERRAIO".to_owned()),
        other("Provincia di LIVORNO".to_owned()),
        other("PIANO DEGLI OBIETTIVI 2021".to_owned()),
    ]);
    (opening, proptest::collection::vec(plan_line(), 0..60)).prop_map(|(mut lines, body)| {
        lines.extend(body);
        lines
    })
}

/// Plan-like lines, with one kind of line end and form feeds at random.
pub(crate) fn plan_text() -> impl Strategy<Value = (Vec<Line>, String)> {
    (
        plan_lines(),
        select(vec!["\n", "\r\n", "\r"]),
        proptest::collection::vec(any::<bool>(), 64),
    )
        .prop_map(|(lines, end, page_breaks)| {
            let lines: Vec<Line> = lines
                .into_iter()
                .zip(page_breaks.iter().cycle())
                .map(|((line, from_cell), &page_break)| {
                    let line = if page_break && line.len() % 5 == 0 {
                        format!("\u{c}{line}")
                    } else {
                        line
                    };
                    (line, from_cell)
                })
                .collect();
            let text = lines
                .iter()
                .map(|(line, _)| line.as_str())
                .collect::<Vec<_>>()
                .join(end);
            (lines, text)
        })
}
