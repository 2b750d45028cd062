//! Synthetic plans from `piano-corpus`: each dump parses to the plan it means.

use proptest::prelude::*;

use crate::lines::check_promised_diagnostics;
use crate::parse_text;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn synthetic_dumps_parse_to_the_plans_they_mean(seed in any::<u64>(), index in 0usize..1000) {
        let documents = piano_corpus::sample(seed, index, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for document in documents {
            let plan = parse_text(&document.file, &document.bytes)
                .map_err(|e| TestCaseError::fail(format!("{}: {e}", document.file)))?;
            let expected = piano_corpus::expect::expected_json(&document.expected);
            let actual = serde_json::to_value(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
            check_promised_diagnostics(&plan)?;
            let mismatches = piano_corpus::compare::compare(&expected, &actual);
            let listed: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
            prop_assert!(
                mismatches.is_empty(),
                "seed {seed} index {index} ({}): {} fields differ:\n{}",
                document.file,
                mismatches.len(),
                listed.join("\n")
            );
        }
    }
}
