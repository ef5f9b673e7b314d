//! Source `news` (all units): daily news from foreign-affairs sources, and what the Ministry's
//! portal and newspaper publish.

pub mod news_item;
