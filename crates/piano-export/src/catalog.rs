//! The DCAT-AP_IT catalogue of a release (`catalog.jsonld`): a
//! `dcat:Catalog` holding one `dcat:Dataset`, the release, with one
//! `dcat:Distribution` per file written (each table in each format, the
//! NDJSON file, the JSON plans), as JSON-LD.
//!
//! DCAT-AP_IT (the Italian profile of DCAT-AP, AgID) makes these mandatory:
//! for the catalogue, title, description, publisher, modified date and its
//! datasets; for a dataset, identifier (`IPA code:id`), title, description,
//! theme, rights holder, update frequency, modified date and contact point;
//! for a distribution, format, access URL and licence; for an agent
//! (publisher, rights holder), its IPA code and name; for a contact point,
//! its name and e-mail. What the plans cannot tell (who publishes, where,
//! when, how to reach them) comes from [`Publication`]; what it leaves out
//! is left out of the catalogue, and [`Publication::missing`] says what.
//!
//! Links to the files are relative IRIs (`plans.csv`), so they resolve
//! against where `catalog.jsonld` is served; with a base URL the context
//! sets `@base` and they are absolute.

mod release;

use serde_json::{Map, Value, json};

/// A JSON-LD node object.
type Node = Map<String, Value>;

use crate::License;
pub use release::{Distribution, Missing, Publication};

/// The EU data theme "Government and public sector".
pub const THEME_GOVERNMENT: &str =
    "http://publications.europa.eu/resource/authority/data-theme/GOVE";
const THEME_TAXONOMY: &str = "http://publications.europa.eu/resource/authority/data-theme";
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const LANGUAGE_ITALIAN: &str = "http://publications.europa.eu/resource/authority/language/ITA";
/// A release comes out when its plans do: no fixed frequency.
const FREQUENCY_IRREGULAR: &str =
    "http://publications.europa.eu/resource/authority/frequency/IRREG";
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";
/// The dataset's identifier after the publisher's IPA code.
const DATASET_ID: &str = "piano-plans";

/// `catalog.jsonld` for a release of plans covering `years` (first and
/// last), made of `distributions`, as `publication` says.
pub fn catalog(
    publication: &Publication,
    years: Option<(u16, u16)>,
    distributions: &[Distribution],
) -> Value {
    let mut context = json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "dcatapit": "http://dati.gov.it/onto/dcatapit#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    });
    if let Some(base) = &publication.base_url {
        let folder = if base.ends_with('/') {
            base.clone()
        } else {
            format!("{base}/")
        };
        context["@base"] = Value::from(format!("{folder}catalog.jsonld"));
    }
    let mut graph: Vec<Node> = vec![
        catalogue(publication),
        dataset(publication, years, distributions),
    ];
    graph.extend(
        distributions
            .iter()
            .enumerate()
            .map(|(index, distribution)| {
                self::distribution(index, distribution, &publication.license)
            }),
    );
    graph.push(licence(&publication.license));
    if let Some(agent) = agent(publication) {
        graph.push(agent);
    }
    if let Some(contact) = contact_point(publication) {
        graph.push(contact);
    }
    json!({ "@context": context, "@graph": graph })
}

fn catalogue(publication: &Publication) -> Node {
    let mut catalogue = node("#catalog", &["dcat:Catalog", "dcatapit:Catalog"]);
    set(
        &mut catalogue,
        "dct:title",
        json!({ "@value": "Piani della performance", "@language": "it" }),
    );
    set(
        &mut catalogue,
        "dct:description",
        json!({ "@value": "Catalogo dei dati aperti estratti da piani della performance (PEG, PDO, PIAO) di enti pubblici italiani.", "@language": "it" }),
    );
    set(&mut catalogue, "dcat:dataset", id("#dataset"));
    set(&mut catalogue, "dcat:themeTaxonomy", id(THEME_TAXONOMY));
    set(&mut catalogue, "dct:language", id(LANGUAGE_ITALIAN));
    if let Some(base) = &publication.base_url {
        set(&mut catalogue, "foaf:homepage", id(base));
    }
    publisher_and_dates(&mut catalogue, publication);
    catalogue
}

fn dataset(
    publication: &Publication,
    years: Option<(u16, u16)>,
    distributions: &[Distribution],
) -> Node {
    let mut dataset = node("#dataset", &["dcat:Dataset", "dcatapit:Dataset"]);
    if let Some(ipa) = &publication.publisher_ipa {
        set(
            &mut dataset,
            "dct:identifier",
            Value::from(format!("{ipa}:{DATASET_ID}")),
        );
    }
    set(
        &mut dataset,
        "dct:title",
        json!({ "@value": "Obiettivi dei piani della performance", "@language": "it" }),
    );
    set(
        &mut dataset,
        "dct:description",
        json!({ "@value": "Strutture, obiettivi, fasi, pesi e scadenze dei piani della performance, in tabelle tipizzate.", "@language": "it" }),
    );
    set(&mut dataset, "dcat:theme", id(THEME_GOVERNMENT));
    set(
        &mut dataset,
        "dct:accrualPeriodicity",
        id(FREQUENCY_IRREGULAR),
    );
    set(&mut dataset, "dct:language", id(LANGUAGE_ITALIAN));
    set(
        &mut dataset,
        "dcat:keyword",
        json!(["piano della performance", "PEG", "PIAO", "obiettivi"]),
    );
    set(&mut dataset, "dct:license", id(&publication.license.url()));
    if publication.publisher.is_some() || publication.publisher_ipa.is_some() {
        set(&mut dataset, "dct:rightsHolder", id("#publisher"));
    }
    if publication.contact.is_some() {
        set(&mut dataset, "dcat:contactPoint", id("#contact"));
    }
    if let Some((first, last)) = years {
        set(
            &mut dataset,
            "dct:temporal",
            json!({
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": date(&format!("{first:04}-01-01")),
                "dcat:endDate": date(&format!("{last:04}-12-31")),
            }),
        );
    }
    let links: Vec<Value> = (0..distributions.len())
        .map(|index| id(&format!("#distribution-{}", index + 1)))
        .collect();
    set(&mut dataset, "dcat:distribution", Value::from(links));
    publisher_and_dates(&mut dataset, publication);
    dataset
}

fn distribution(index: usize, distribution: &Distribution, license: &License) -> Node {
    let mut node = node(
        &format!("#distribution-{}", index + 1),
        &["dcat:Distribution", "dcatapit:Distribution"],
    );
    let path = distribution.path();
    set(&mut node, "dct:title", Value::from(path.clone()));
    set(
        &mut node,
        "dct:description",
        json!({ "@value": distribution.description(), "@language": "en" }),
    );
    set(
        &mut node,
        "dct:format",
        id(&format!("{FILE_TYPE}{}", distribution.file_type())),
    );
    set(
        &mut node,
        "dcat:mediaType",
        id(&format!("{MEDIA_TYPE}{}", distribution.media_type())),
    );
    set(&mut node, "dcat:accessURL", id(&path));
    if !matches!(distribution, Distribution::Json(_)) {
        set(&mut node, "dcat:downloadURL", id(&path));
    }
    set(&mut node, "dct:license", id(&license.url()));
    node
}

fn licence(license: &License) -> Node {
    let mut node = node(
        &license.url(),
        &["dct:LicenseDocument", "dcatapit:LicenseDocument"],
    );
    set(&mut node, "foaf:name", Value::from(license.title()));
    if let Some(kind) = license.adms_type() {
        set(&mut node, "dct:type", id(&kind));
    }
    node
}

/// The publisher, also the rights holder: the release's data is theirs.
fn agent(publication: &Publication) -> Option<Node> {
    if publication.publisher.is_none() && publication.publisher_ipa.is_none() {
        return None;
    }
    let mut agent = node("#publisher", &["foaf:Agent", "dcatapit:Agent"]);
    if let Some(name) = &publication.publisher {
        set(&mut agent, "foaf:name", Value::from(name.clone()));
    }
    if let Some(ipa) = &publication.publisher_ipa {
        set(&mut agent, "dct:identifier", Value::from(ipa.clone()));
    }
    Some(agent)
}

fn contact_point(publication: &Publication) -> Option<Node> {
    let email = publication.contact.as_ref()?;
    let mut contact = node("#contact", &["vcard:Organization", "dcatapit:Organization"]);
    let name = publication
        .publisher
        .clone()
        .unwrap_or_else(|| email.clone());
    set(&mut contact, "vcard:fn", Value::from(name));
    set(
        &mut contact,
        "vcard:hasEmail",
        id(&format!("mailto:{email}")),
    );
    Some(contact)
}

/// The publisher and the issued and modified dates, as far as known.
fn publisher_and_dates(node: &mut Node, publication: &Publication) {
    if publication.publisher.is_some() || publication.publisher_ipa.is_some() {
        set(node, "dct:publisher", id("#publisher"));
    }
    if let Some(day) = publication.release_date {
        let day = date(&day.format("%Y-%m-%d").to_string());
        set(node, "dct:issued", day.clone());
        set(node, "dct:modified", day);
    }
}

/// A node of the graph: its `@id` and `@type`s, properties to be set.
fn node(id: &str, types: &[&str]) -> Node {
    let mut node = Node::new();
    node.insert("@id".to_owned(), Value::from(id));
    node.insert("@type".to_owned(), json!(types));
    node
}

fn id(iri: &str) -> Value {
    json!({ "@id": iri })
}

fn date(day: &str) -> Value {
    json!({ "@value": day, "@type": "xsd:date" })
}

fn set(node: &mut Node, property: &str, value: Value) {
    node.insert(property.to_owned(), value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Table;
    use crate::table::TableFormat;
    use chrono::NaiveDate;
    use oxjsonld::JsonLdParser;

    const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    const SERVED_AT: &str = "https://example.org/release/catalog.jsonld";

    /// The catalogue's triples, each term in N-Triples form, read by a
    /// JSON-LD processor as if served at [`SERVED_AT`].
    struct Triples(Vec<[String; 3]>);

    impl Triples {
        fn of(catalog: &Value) -> Triples {
            let bytes = serde_json::to_vec(catalog).expect("JSON");
            let parser = JsonLdParser::new()
                .with_base_iri(SERVED_AT)
                .expect("an IRI");
            let triples = parser
                .for_slice(&bytes)
                .map(|quad| {
                    let quad = quad.expect("valid JSON-LD");
                    [
                        quad.subject.to_string(),
                        quad.predicate.to_string(),
                        quad.object.to_string(),
                    ]
                })
                .collect();
            Triples(triples)
        }

        /// The objects of `subject`'s `predicate` (a prefixed name).
        fn objects(&self, subject: &str, predicate: &str) -> Vec<&str> {
            let predicate = expand(predicate);
            self.0
                .iter()
                .filter(|[s, p, _]| s == subject && *p == predicate)
                .map(|[_, _, o]| o.as_str())
                .collect()
        }

        /// The subjects of type `class` (a prefixed name).
        fn of_type(&self, class: &str) -> Vec<&str> {
            let class = expand(class);
            self.0
                .iter()
                .filter(|[_, p, o]| p == RDF_TYPE && *o == class)
                .map(|[s, _, _]| s.as_str())
                .collect()
        }

        /// The one object of `subject`'s `predicate`.
        fn object(&self, subject: &str, predicate: &str) -> &str {
            match self.objects(subject, predicate).as_slice() {
                [object] => object,
                other => panic!("{subject} {predicate}: {other:?}"),
            }
        }
    }

    /// `<IRI>` of a prefixed name of the catalogue's context.
    fn expand(name: &str) -> String {
        let (prefix, local) = name.split_once(':').expect("a prefixed name");
        let namespace = match prefix {
            "dcat" => "http://www.w3.org/ns/dcat#",
            "dct" => "http://purl.org/dc/terms/",
            "dcatapit" => "http://dati.gov.it/onto/dcatapit#",
            "foaf" => "http://xmlns.com/foaf/0.1/",
            "vcard" => "http://www.w3.org/2006/vcard/ns#",
            other => panic!("no prefix {other}"),
        };
        format!("<{namespace}{local}>")
    }

    fn every_file() -> Vec<Distribution> {
        let mut files: Vec<Distribution> = [TableFormat::Csv, TableFormat::Parquet]
            .into_iter()
            .flat_map(|format| Table::ALL.map(|table| Distribution::Table(table, format)))
            .collect();
        files.push(Distribution::Ndjson("plans.ndjson".to_owned()));
        files.push(Distribution::Json("plans/".to_owned()));
        files
    }

    fn full_publication() -> Publication {
        Publication {
            license: License::default(),
            base_url: Some("https://dati.example.it/piani/2023".to_owned()),
            publisher: Some("Comune di Esempio".to_owned()),
            publisher_ipa: Some("c_x000".to_owned()),
            contact: Some("opendata@example.it".to_owned()),
            release_date: NaiveDate::from_ymd_opt(2024, 3, 1),
        }
    }

    #[test]
    fn a_catalog_holds_the_release_and_a_distribution_per_file() {
        let triples = Triples::of(&catalog(
            &Publication::default(),
            Some((2021, 2023)),
            &every_file(),
        ));
        let catalogs = triples.of_type("dcat:Catalog");
        assert_eq!(
            catalogs,
            ["<https://example.org/release/catalog.jsonld#catalog>"]
        );
        assert_eq!(triples.of_type("dcatapit:Catalog"), catalogs);
        let catalog = catalogs[0];
        let dataset = triples.object(catalog, "dcat:dataset");
        assert_eq!(triples.of_type("dcat:Dataset"), [dataset]);
        assert_eq!(triples.of_type("dcatapit:Dataset"), [dataset]);
        assert_eq!(
            triples.object(dataset, "dcat:theme"),
            format!("<{THEME_GOVERNMENT}>")
        );
        let licence = "<https://creativecommons.org/licenses/by/4.0/>";
        assert_eq!(triples.object(dataset, "dct:license"), licence);
        assert_eq!(triples.of_type("dcatapit:LicenseDocument"), [licence]);
        let period = triples.object(dataset, "dct:temporal");
        assert_eq!(
            triples.object(period, "dcat:startDate"),
            "\"2021-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
        assert_eq!(
            triples.object(period, "dcat:endDate"),
            "\"2023-12-31\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
        let distributions = triples.objects(dataset, "dcat:distribution");
        assert_eq!(distributions.len(), every_file().len());
        let mut files: Vec<(&str, &str)> =
            distributions
                .iter()
                .map(|distribution| {
                    assert!(
                        triples
                            .of_type("dcatapit:Distribution")
                            .contains(distribution)
                    );
                    assert_eq!(triples.object(distribution, "dct:license"), licence);
                    assert!(triples.object(distribution, "dct:format").starts_with(
                        "<http://publications.europa.eu/resource/authority/file-type/"
                    ));
                    (
                        triples.object(distribution, "dcat:accessURL"),
                        triples.object(distribution, "dcat:mediaType"),
                    )
                })
                .collect();
        files.sort();
        let iana = "https://www.iana.org/assignments/media-types";
        let release = "https://example.org/release";
        let expected =
            |file: &str, media: &str| (format!("<{release}/{file}>"), format!("<{iana}/{media}>"));
        let mut wanted = vec![
            expected("plans.ndjson", "application/x-ndjson"),
            expected("plans/", "application/json"),
        ];
        for table in Table::ALL {
            wanted.push(expected(table.file_name_in(TableFormat::Csv), "text/csv"));
            wanted.push(expected(
                table.file_name_in(TableFormat::Parquet),
                "application/vnd.apache.parquet",
            ));
        }
        wanted.sort();
        let wanted: Vec<(&str, &str)> = wanted
            .iter()
            .map(|(a, m)| (a.as_str(), m.as_str()))
            .collect();
        assert_eq!(files, wanted);
    }

    #[test]
    fn what_a_release_cannot_know_comes_from_the_publication() {
        let publication = full_publication();
        assert_eq!(publication.missing(), []);
        let triples = Triples::of(&catalog(&publication, None, &every_file()));
        let catalog = "<https://dati.example.it/piani/2023/catalog.jsonld#catalog>";
        let dataset = triples.object(catalog, "dcat:dataset");
        let publisher = triples.object(catalog, "dct:publisher");
        assert_eq!(triples.object(dataset, "dct:publisher"), publisher);
        assert_eq!(triples.object(dataset, "dct:rightsHolder"), publisher);
        assert_eq!(triples.of_type("dcatapit:Agent"), [publisher]);
        assert_eq!(triples.object(publisher, "dct:identifier"), "\"c_x000\"");
        assert_eq!(
            triples.object(publisher, "foaf:name"),
            "\"Comune di Esempio\""
        );
        assert_eq!(
            triples.object(dataset, "dct:identifier"),
            "\"c_x000:piano-plans\""
        );
        let day = "\"2024-03-01\"^^<http://www.w3.org/2001/XMLSchema#date>";
        for node in [catalog, dataset] {
            assert_eq!(triples.object(node, "dct:modified"), day);
            assert_eq!(triples.object(node, "dct:issued"), day);
        }
        let contact = triples.object(dataset, "dcat:contactPoint");
        assert_eq!(triples.of_type("dcatapit:Organization"), [contact]);
        assert_eq!(
            triples.object(contact, "vcard:hasEmail"),
            "<mailto:opendata@example.it>"
        );
        assert_eq!(triples.object(contact, "vcard:fn"), "\"Comune di Esempio\"");
        assert!(
            triples.objects(dataset, "dct:temporal").is_empty(),
            "no years, no period"
        );
        let distribution = triples.objects(dataset, "dcat:distribution")[0];
        assert_eq!(
            triples.object(distribution, "dcat:accessURL"),
            "<https://dati.example.it/piani/2023/plans.csv>"
        );
    }

    #[test]
    fn an_unknown_publication_names_what_is_missing() {
        assert_eq!(
            Publication::default().missing(),
            [
                Missing::BaseUrl,
                Missing::Publisher,
                Missing::PublisherIpa,
                Missing::Contact,
                Missing::ReleaseDate
            ]
        );
        let triples = Triples::of(&catalog(&Publication::default(), None, &every_file()));
        let catalog = "<https://example.org/release/catalog.jsonld#catalog>";
        assert!(triples.objects(catalog, "dct:publisher").is_empty());
        assert!(triples.objects(catalog, "dct:modified").is_empty());
    }
}
