//! Pieces shared by several pages.

mod charts;
mod chip;
mod entity;
mod header;
mod outlet;
mod pager;

pub use charts::{Bar, BarChart, ColumnChart, NetworkChart, Node};
pub use chip::{Chip, PublishedDate};
pub use entity::{entity_link, entity_table_rows, LabelList};
pub use header::SiteHeader;
pub use outlet::{added_mark, no_headline, outlet_badge, outlet_described};
pub use pager::pager;
