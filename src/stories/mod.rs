//! Stories: which articles are copies of one another, and which tell the
//! same story.
//!
//! - [`fingerprint`]: the near-duplicate sketch in each record and the
//!   exact check that confirms a candidate pair;
//! - [`features`]: what an article brings to story grouping (its names,
//!   keywords, title words and date), read from its record;
//! - [`store`]: the state of the stories behind a small trait, with
//!   inverted lists from names and keywords to the open stories (a story
//!   closes two windows after its last day, so memory stays bounded; the
//!   index keeps the rest in tables);
//! - [`assign`]: online grouping — each arriving article joins the most
//!   similar story around its date, or starts one;
//! - [`records`]: the stories of a records folder (`wirewatch stories`).

pub mod assign;
pub mod features;
pub mod fingerprint;
pub mod records;
pub mod store;
