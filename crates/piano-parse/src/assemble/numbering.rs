//! Objectives numbered with their structure's number before their own
//! ("1.1", "1.2", "1.3" in the first area, "2.1", "2.2" in the second). The
//! contract's `number` is the row's ordinal path inside its structure, and
//! what was printed, when it is not that, goes in `code`: the shared first
//! part is dropped from every row's number, the objective's printed number
//! kept as its code.

use piano_model::Structure;

/// Drops the first part every objective of `structure` shares, where the
/// rest numbers them 1, 2, 3 … in order (two objectives or more).
pub fn drop_shared_prefix(structure: &mut Structure) {
    let Some(prefix) = shared_prefix(structure) else {
        return;
    };
    let strip = |number: &mut String| {
        if let Some(rest) = number.strip_prefix(&prefix) {
            *number = rest.to_owned();
        }
    };
    for objective in &mut structure.objectives {
        let printed = objective.entry.number.clone();
        strip(&mut objective.entry.number);
        objective.entry.code.get_or_insert(printed);
        for phase in &mut objective.phases {
            strip(&mut phase.number);
        }
    }
}

/// The first part, dot included ("1."), that every objective's number opens
/// with, followed by its ordinal in the structure.
fn shared_prefix(structure: &Structure) -> Option<String> {
    let objectives = &structure.objectives;
    if objectives.len() < 2 {
        return None;
    }
    let (first, _) = objectives[0].entry.number.split_once('.')?;
    let prefix = format!("{first}.");
    let ordinals = objectives.iter().enumerate().all(|(index, objective)| {
        objective.entry.number.strip_prefix(&prefix) == Some((index + 1).to_string().as_str())
    });
    ordinals.then_some(prefix)
}

#[cfg(test)]
mod tests {
    use crate::parse_dump;

    /// Two cards of an area, opened by `first` and `second`.
    fn numbers(first: &str, second: &str) -> Vec<(String, Option<String>)> {
        let plan = parse_dump(&format!(
            "AREA: LAVORI PUBBLICI\n\
             {first}\n\
             Descrizione\tRiqualificazione della piazza\n\
             Peso\t60%\n\
             Scadenza\t31/12/2024\n\
             {second}\n\
             Descrizione\tManutenzione delle strade\n\
             Peso\t40%\n\
             Scadenza\t31/12/2024\n"
        ));
        plan.structures[0]
            .objectives
            .iter()
            .map(|o| (o.entry.number.clone(), o.entry.code.clone()))
            .collect()
    }

    fn owned(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(number, code)| (number.to_string(), code.map(str::to_owned)))
            .collect()
    }

    #[test]
    fn objectives_numbered_after_their_structure_are_numbered_in_it() {
        assert_eq!(
            numbers("Obiettivo n. 2.1", "Obiettivo n. 2.2"),
            owned(&[("1", Some("2.1")), ("2", Some("2.2"))])
        );
    }

    #[test]
    fn numbers_out_of_order_or_of_one_part_stay_as_printed() {
        assert_eq!(
            numbers("Obiettivo n. 2.1", "Obiettivo n. 2.3"),
            owned(&[("2.1", None), ("2.3", None)])
        );
        assert_eq!(
            numbers("Obiettivo n. 1", "Obiettivo n. 2"),
            owned(&[("1", None), ("2", None)])
        );
    }
}
