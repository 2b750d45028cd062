//! `piano schema` end to end.
