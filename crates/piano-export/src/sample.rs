//! A small hand-built plan every writer's tests share: one structure with an
//! objective that has phases, one without a weight, a staff table, and
//! diagnostics, with text that needs CSV quoting.

use piano_model::{
    Category, Code, Diagnostic, Due, DueDate, Ente, EnteKind, Entry, Head, HeadWeight, LineSpan,
    Mission, Objective, Plan, Source, SourceFormat, Staff, Structure,
};

fn entry(number: &str, description: &str, weight: Option<f64>, due: Option<Due>) -> Entry {
    Entry {
        number: number.to_owned(),
        description: description.to_owned(),
        weight,
        indicators: Some("Report annuale".to_owned()),
        expected: None,
        due,
        lines: LineSpan::line(56),
        page: Some(7),
        ..Entry::default()
    }
}

/// The shared sample plan.
pub fn sample_plan() -> Plan {
    let mut plan = Plan::new(Source::from_bytes(
        "dir/sample.txt",
        b"sample",
        SourceFormat::Text,
    ));
    plan.ente = Ente {
        kind: Some(EnteKind::Comune),
        name: Some("Montepulciano".to_owned()),
        provincia: Some("Siena".to_owned()),
        istat: Some("052015".to_owned()),
    };
    plan.title = Some("PIANO DEGLI OBIETTIVI".to_owned());
    plan.year = Some(2021);
    let mut first = Objective {
        entry: entry(
            "1",
            "Obiettivo di sviluppo: \"Smart\" working, fase uno",
            Some(20.0),
            Some(Due::new(
                "31.12.202 1".to_owned(),
                DueDate::day(2021, 12, 31),
                false,
                None,
            )),
        ),
        category: Some(Category::Sviluppo),
        phases: vec![
            entry(
                "1.1",
                "Fase: analisi",
                Some(50.0),
                Some(Due::new(
                    "novembre 2021".to_owned(),
                    DueDate::month(2021, 11),
                    true,
                    Some("salvo proroghe".to_owned()),
                )),
            ),
            entry("1.2", "Fase: report\nannuale", Some(5.88), None),
        ],
    };
    // A weight matrix's columns, as that family gives them.
    first.entry.weights_by_head = vec![
        HeadWeight {
            head: "Segretario".to_owned(),
            weight: 2.5,
        },
        HeadWeight {
            head: "Area 1".to_owned(),
            weight: 0.0,
        },
    ];
    let second = Objective {
        entry: entry(
            "2",
            "Archivio",
            None,
            Some(Due::new(
                "31.12 di ogni anno".to_owned(),
                DueDate::yearly(12, 31),
                false,
                None,
            )),
        ),
        category: None,
        phases: vec![entry("2.1", "Fase: riordino", Some(100.0), None)],
    };
    plan.structures.push(Structure {
        ordinal: 1,
        name: "SEGRETERIA".to_owned(),
        kind: Some("STRUTTURA".to_owned()),
        head: Head {
            role: Some("SEGRETARIO GENERALE".to_owned()),
            name: Some("DOTT. MARIO ROSSI".to_owned()),
            ad_interim: true,
        },
        strategic_line: Some("Promuovere la crescita".to_owned()),
        strategic_objectives: vec!["Gestire".to_owned(), "Migliorare".to_owned()],
        missions: vec![
            Mission {
                name: "Servizi istituzionali, generali e di gestione".to_owned(),
                code: Some("01".to_owned()),
            },
            Mission {
                name: "Missione ignota".to_owned(),
                code: None,
            },
        ],
        operational_objective: Some("Mantenere gli standard".to_owned()),
        objectives_label: Some("Obiettivi Gestionali".to_owned()),
        objectives: vec![first, second],
        staff: vec![
            Staff {
                name: Some("Mario Rossi".to_owned()),
                objective: Some("1".to_owned()),
                weight: Some(30.0),
            },
            Staff {
                name: Some("Anna Bianchi".to_owned()),
                objective: None,
                weight: None,
            },
        ],
        lines: LineSpan(48, 83),
        page: Some(7),
    });
    plan.diagnostics = vec![
        Diagnostic::new(Code::WeightMissing, "objective 2 has no weight")
            .at_line(60, Some(7))
            .in_structure(1)
            .for_number("2")
            .with_excerpt("2\tArchivio"),
        Diagnostic::new(Code::NoPlanFound, "nothing, \"quoted\""),
    ];
    plan
}
