//! `piano check` end to end.
