//! Pieces shared by several pages.

mod chip;
mod header;
mod outlet;

pub use chip::{Chip, PublishedDate};
pub use header::{SiteHeader, SEARCH_BOX_ID};
pub use outlet::OutletBadge;
