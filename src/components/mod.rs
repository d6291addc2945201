//! Pieces shared by several pages.

mod header;
mod outlet;

pub use header::{SiteHeader, SEARCH_BOX_ID};
pub use outlet::OutletBadge;
