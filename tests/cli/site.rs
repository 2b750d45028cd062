//! `piano site`: the static site of a batch release, its pages read back as
//! HTML (parsed, never searched as strings) against the release's plans.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use piano_model::Plan;
use scraper::{ElementRef, Html, Selector};

use crate::support::{Run, fixtures, piano, temp_dir};

/// The inputs of the release: a text dump, a PDF, a weight matrix, a plan
/// whose cells hold markup, and (added by [`release`]) an empty file that
/// gives no plan.
const INPUTS: [&str; 4] = [
    "portoferraio-2021.txt",
    "families/objective-cards/carpi-2022.chromium.pdf",
    "families/weight-matrix/codogno-2023.txt",
    "site/markup-2022.txt",
];

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Runs `piano batch` over [`INPUTS`] and an empty file into `dir/release`,
/// with `--format formats`; returns the release folder.
fn release(dir: &Path, formats: &str) -> PathBuf {
    std::fs::create_dir_all(dir).expect("the folder is made");
    let empty = dir.join("vuoto.txt");
    std::fs::write(&empty, b"").expect("the empty input is written");
    let out = dir.join("release");
    let inputs: Vec<PathBuf> = INPUTS.iter().map(|name| fixtures().join(name)).collect();
    let mut args = vec![
        "batch",
        "--quiet",
        "--format",
        formats,
        "--out",
        path_str(&out),
    ];
    args.extend(inputs.iter().map(|p| path_str(p)));
    args.push(path_str(&empty));
    let run = piano(&args);
    assert_eq!(run.code, Some(1), "the empty input fails: {}", run.stderr);
    out
}

fn site(release: &Path, out: &Path) -> Run {
    piano(&["site", path_str(release), "--out", path_str(out)])
}

fn page(path: &Path) -> Html {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    html.select(&selector).collect()
}

fn select_in<'a>(element: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    element.select(&selector).collect()
}

fn text(element: ElementRef) -> String {
    element.text().collect::<String>().trim().to_owned()
}

/// The plans of the release, from its `plans/` folder.
fn plans(release: &Path) -> Vec<Plan> {
    let mut plans: Vec<Plan> = std::fs::read_dir(release.join("plans"))
        .expect("the release keeps its plans")
        .map(|entry| {
            let path = entry.expect("a folder entry").path();
            let bytes = std::fs::read(&path).expect("a plan file");
            serde_json::from_slice(&bytes).expect("a plan")
        })
        .collect();
    plans.sort_by(|a, b| a.plan_id.cmp(&b.plan_id));
    plans
}

#[test]
fn every_plan_is_listed_and_every_objective_is_on_its_page() {
    let dir = temp_dir();
    let release = release(dir.path(), "json,csv,ndjson");
    let out = dir.path().join("sito");
    let run = site(&release, &out);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let plans = plans(&release);
    assert_eq!(plans.len(), INPUTS.len());

    let index = page(&out.join("index.html"));
    let listed: BTreeSet<String> = select(&index, "table#piani tbody tr th a")
        .into_iter()
        .filter_map(|link| link.value().attr("href").map(str::to_owned))
        .collect();
    let expected: BTreeSet<String> = plans
        .iter()
        .map(|plan| format!("piani/{}.html", plan.plan_id))
        .collect();
    assert_eq!(listed, expected);
    let unread: Vec<String> = select(&index, "main table:not(#piani) tbody th")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(unread.len(), 1);
    assert!(unread[0].ends_with("vuoto.txt"), "{unread:?}");

    for plan in &plans {
        let html = page(&out.join(format!("piani/{}.html", plan.plan_id)));
        for structure in &plan.structures {
            let id = format!(
                "section[aria-labelledby=\"struttura-{}\"]",
                structure.ordinal
            );
            let sections = select(&html, &id);
            assert_eq!(sections.len(), 1, "{}: {id}", plan.plan_id);
            let rows = |class: &str| -> Vec<(String, String)> {
                select_in(sections[0], &format!("table.obiettivi tr.{class}"))
                    .into_iter()
                    .map(|row| {
                        let number = select_in(row, "th").into_iter().map(text).collect();
                        let cells = select_in(row, "td");
                        (number, cells.first().map(|c| text(*c)).unwrap_or_default())
                    })
                    .collect()
            };
            let objectives = rows("obiettivo");
            assert_eq!(
                objectives.len(),
                structure.objectives.len(),
                "{}",
                plan.plan_id
            );
            for (objective, (number, description)) in structure.objectives.iter().zip(&objectives) {
                assert_eq!(number, &objective.entry.number, "{}", plan.plan_id);
                assert!(
                    description.ends_with(objective.entry.description.trim()),
                    "{}: objective {number}: {description:?}",
                    plan.plan_id
                );
            }
            let phases: Vec<String> = structure
                .objectives
                .iter()
                .flat_map(|o| &o.phases)
                .map(|phase| format!("Fase {}", phase.number))
                .collect();
            let shown: Vec<String> = rows("fase").into_iter().map(|(n, _)| n).collect();
            assert_eq!(shown, phases, "{}", plan.plan_id);
        }
        let titles: Vec<String> = select(&html, "figure svg[role=img] > title")
            .into_iter()
            .map(text)
            .collect();
        let entries = plan.structures.iter().flat_map(|s| &s.objectives);
        let weighted = entries
            .clone()
            .any(|o| o.entry.weight.is_some_and(|w| w > 0.0));
        let dated = entries
            .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases))
            .any(|e| e.due.as_ref().is_some_and(|due| due.date.is_some()));
        let expected: Vec<&str> = [
            weighted.then_some("Pesi degli obiettivi per struttura"),
            dated.then_some("Scadenze per mese"),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(titles, expected, "{}", plan.plan_id);
    }
}

#[test]
fn every_link_and_resource_lies_inside_the_site() {
    let dir = temp_dir();
    let release = release(dir.path(), "json,csv");
    let catalog = br#"{"@context": {}, "@graph": []}"#;
    std::fs::write(release.join("catalog.jsonld"), catalog).expect("a catalogue is written");
    let out = dir.path().join("sito");
    assert_eq!(site(&release, &out).code, Some(0));
    let mut pages = vec![out.join("index.html")];
    for entry in std::fs::read_dir(out.join("piani")).expect("the plan pages") {
        pages.push(entry.expect("a folder entry").path());
    }
    for path in pages {
        let html = page(&path);
        let folder = path.parent().expect("a page lies in a folder");
        for element in select(&html, "[href], [src]") {
            let value = element.value();
            let target = value.attr("href").or(value.attr("src")).unwrap_or_default();
            let local = target.split('#').next().unwrap_or_default();
            assert!(!target.contains(':'), "{}: {target}", path.display());
            if !local.is_empty() {
                assert!(
                    folder.join(local).is_file(),
                    "{}: {target} is missing",
                    path.display()
                );
            }
        }
    }
    assert!(out.join("dati/objectives.csv").is_file());
    assert!(out.join("dati/datapackage.json").is_file());
    assert_eq!(
        std::fs::read(out.join("dati/catalog.jsonld"))
            .ok()
            .as_deref(),
        Some(&catalog[..])
    );
    let index = page(&out.join("index.html"));
    let links: Vec<String> = select(&index, "main ul a")
        .into_iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    for table in [
        "plans.csv",
        "objectives.csv",
        "datapackage.json",
        "catalog.jsonld",
    ] {
        assert!(
            links.contains(&format!("dati/{table}")),
            "{table} in {links:?}"
        );
    }
}

#[test]
fn markup_in_a_plan_shows_as_text_and_never_becomes_an_element() {
    let dir = temp_dir();
    let release = release(dir.path(), "json");
    let out = dir.path().join("sito");
    assert_eq!(site(&release, &out).code, Some(0));
    let marked = plans(&release)
        .into_iter()
        .find(|plan| plan.source.file == "markup-2022.txt")
        .expect("the plan with markup is in the release");
    let html = page(&out.join(format!("piani/{}.html", marked.plan_id)));
    for injected in [
        "script",
        "img",
        "iframe",
        "main svg:not([role])",
        "[onerror]",
        "[onload]",
    ] {
        assert!(
            select(&html, injected).is_empty(),
            "an element {injected} was injected"
        );
    }
    assert!(select(&html, "a[href^=javascript]").is_empty());
    let descriptions: Vec<String> = select(&html, "table.obiettivi tr.obiettivo td:nth-child(2)")
        .into_iter()
        .map(text)
        .collect();
    assert!(descriptions[0].starts_with("<script>"), "{descriptions:?}");
    assert!(descriptions[1].contains("<a href=\"javascript:alert(1)\">"));
}

#[test]
fn a_release_of_ndjson_alone_gives_the_same_pages() {
    let dir = temp_dir();
    let kept = release(&dir.path().join("kept"), "json");
    let streamed = release(&dir.path().join("streamed"), "ndjson");
    let (first, second) = (dir.path().join("a"), dir.path().join("b"));
    assert_eq!(site(&kept, &first).code, Some(0));
    let run = site(&streamed, &second);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for entry in std::fs::read_dir(first.join("piani")).expect("the plan pages") {
        let name = entry.expect("a folder entry").file_name();
        let read = |site: &Path| std::fs::read(site.join("piani").join(&name)).ok();
        assert_eq!(read(&first), read(&second), "{name:?}");
    }
}

#[test]
fn bad_release_folders_are_refused_naming_the_file() {
    let dir = temp_dir();
    let out = dir.path().join("sito");
    let run = site(dir.path(), &out);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("report.json"), "{}", run.stderr);
    assert!(!out.exists());

    let release = release(&dir.path().join("r"), "json");
    let broken = std::fs::read_dir(release.join("plans"))
        .expect("the plans")
        .next()
        .expect("a plan")
        .expect("a folder entry")
        .path();
    std::fs::write(&broken, b"{ not json").expect("the plan is overwritten");
    let run = site(&release, &out);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(path_str(&broken)), "{}", run.stderr);
    assert!(!out.exists(), "nothing is left half-written");
    let siblings = std::fs::read_dir(dir.path()).expect("the folder").count();
    assert_eq!(siblings, 1, "no debris beside the site");

    let run = site(&release.join("plans"), &out);
    assert!(run.stderr.contains("report.json"), "{}", run.stderr);
    let tables_only = self::release(&dir.path().join("t"), "csv");
    let run = site(&tables_only, &out);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("plans.ndjson"), "{}", run.stderr);
    std::fs::create_dir_all(&out).expect("a folder");
    std::fs::write(out.join("mine.txt"), b"mine").expect("a file of the user's");
    let run = site(&release, &out);
    assert_eq!(run.code, Some(1));
    assert!(
        out.join("mine.txt").is_file(),
        "the user's folder is left alone"
    );
}
