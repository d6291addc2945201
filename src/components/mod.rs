//! Pieces shared by several pages.

mod header;
mod outlet;

pub use header::SiteHeader;
pub use outlet::OutletBadge;
