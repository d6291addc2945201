//! Pieces shared by several pages.

mod charts;
mod chip;
mod entity;
mod header;
mod outlet;

pub use charts::{Bar, BarChart, ColumnChart, NetworkChart, Node};
pub use chip::{Chip, PublishedDate};
pub use entity::{EntityLink, EntityRow, LabelList};
pub use header::SiteHeader;
pub use outlet::{AddedMark, NoHeadline, OutletBadge, OutletDescribed};
