//! `piano extract` end to end.
