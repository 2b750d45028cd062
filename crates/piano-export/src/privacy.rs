//! Export options, and the personal-data rule: staff names are left out
//! unless asked for.

use std::borrow::Cow;

use piano_model::Plan;

/// What the exporters include beyond the public data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Keep the names of staff members (personal data). When `false`, every
    /// `staff[].name` is written as null; the rows themselves are kept.
    pub include_staff: bool,
}

impl ExportOptions {
    /// `plan` as it may be published under these options: borrowed as is
    /// when nothing needs removing, otherwise a copy without staff names.
    pub(crate) fn publishable<'a>(&self, plan: &'a Plan) -> Cow<'a, Plan> {
        let has_names = plan
            .structures
            .iter()
            .flat_map(|structure| &structure.staff)
            .any(|staff| staff.name.is_some());
        if self.include_staff || !has_names {
            return Cow::Borrowed(plan);
        }
        let mut redacted = plan.clone();
        for structure in &mut redacted.structures {
            for staff in &mut structure.staff {
                staff.name = None;
            }
        }
        Cow::Owned(redacted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_plan;

    fn staff_names(plan: &Plan) -> Vec<Option<String>> {
        plan.structures
            .iter()
            .flat_map(|structure| &structure.staff)
            .map(|staff| staff.name.clone())
            .collect()
    }

    #[test]
    fn removes_staff_names_but_keeps_the_rows() {
        let plan = sample_plan();
        let published = ExportOptions::default().publishable(&plan);
        assert_eq!(staff_names(&published), vec![None, None]);
        assert_eq!(published.structures[0].staff[0].weight, Some(30.0));
    }

    #[test]
    fn keeps_staff_names_when_asked() {
        let plan = sample_plan();
        let options = ExportOptions {
            include_staff: true,
        };
        assert_eq!(staff_names(&options.publishable(&plan)), staff_names(&plan));
        assert!(matches!(options.publishable(&plan), Cow::Borrowed(_)));
    }
}
