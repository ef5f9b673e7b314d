//! Relay connections with keyset pagination on the record id: `first`/`after`, stable under
//! inserts, and a page costs the same at any depth.

use async_graphql::SimpleObject;

use crate::error::ApiError;

/// Largest page a caller may ask for, unless the settings say otherwise.
pub const DEFAULT_MAX_PAGE: u64 = 100;
const DEFAULT_PAGE: u64 = 20;

#[derive(SimpleObject, Clone)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

/// A validated page request.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub first: u64,
    pub after: Option<i64>,
    /// Newest records first (ids descending).
    pub descending: bool,
}

/// The order of a connection's records: by id, which is the order they were recorded in; both
/// keep keyset pagination, so a page costs the same at any depth.
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RecordOrder {
    /// Oldest records first (the default).
    #[default]
    IdAsc,
    /// Newest records first.
    IdDesc,
}

/// The complexity of a connection field: its selection counted once per record it may return,
/// so that `first: 100` over twenty fields weighs what it costs. A `first` out of range is
/// refused by the resolver, not here.
pub fn complexity(first: Option<i32>, child_complexity: usize) -> usize {
    let records = first.map_or(DEFAULT_PAGE as usize, |n| n.max(1) as usize);
    records.saturating_mul(child_complexity).saturating_add(1)
}

impl PageRequest {
    pub fn parse(
        first: Option<i32>,
        after: Option<String>,
        max_page: u64,
    ) -> Result<PageRequest, ApiError> {
        let first = match first {
            None => DEFAULT_PAGE.min(max_page),
            Some(n) if n >= 1 && (n as u64) <= max_page => n as u64,
            Some(n) => {
                return Err(ApiError::BadUserInput(format!(
                    "`first` must be between 1 and {max_page}, not {n}"
                )));
            }
        };
        let after = after
            .map(|cursor| {
                cursor
                    .strip_prefix("c")
                    .and_then(|id| id.parse::<i64>().ok())
                    .ok_or_else(|| {
                        ApiError::BadUserInput(format!("`after`: invalid cursor {cursor:?}"))
                    })
            })
            .transpose()?;
        Ok(PageRequest {
            first,
            after,
            descending: false,
        })
    }
}

impl PageRequest {
    /// The page asked for, under the schema's page limit.
    pub fn from_context(
        ctx: &async_graphql::Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<PageRequest, ApiError> {
        let max_page = ctx
            .data_opt::<crate::QueryLimits>()
            .map_or(DEFAULT_MAX_PAGE, |limits| limits.max_page_size);
        PageRequest::parse(first, after, max_page)
    }
}

/// The record of `type_name` with this id, as `ctx`'s caller may see it, wrapped for GraphQL.
pub async fn by_id<E, W>(
    ctx: &async_graphql::Context<'_>,
    source: entities::Source,
    type_name: &str,
    id_column: E::Column,
    id: i64,
    wrap: fn(E::Model) -> W,
) -> Result<Option<W>, ApiError>
where
    E: sea_orm::EntityTrait,
{
    use sea_orm::ColumnTrait;
    let principal = ctx.data_unchecked::<crate::policy::Principal>();
    let db = ctx
        .data_unchecked::<entities::SourceConnections>()
        .get(source);
    Ok(
        crate::policy::project::find_one::<E>(db, principal, type_name, id_column.eq(id))
            .await?
            .map(wrap),
    )
}

/// What a list resolver of `type_name` starts from: the source's connection, the query projected
/// and filtered for `ctx`'s caller (`None` when it may see no row), and the page asked for.
pub fn listing<'a, E: sea_orm::EntityTrait>(
    ctx: &async_graphql::Context<'a>,
    source: entities::Source,
    type_name: &str,
    first: Option<i32>,
    after: Option<String>,
) -> Result<
    (
        &'a sea_orm::DatabaseConnection,
        Option<sea_orm::Select<E>>,
        PageRequest,
    ),
    ApiError,
> {
    let page = PageRequest::from_context(ctx, first, after)?;
    let principal = ctx.data_unchecked::<crate::policy::Principal>();
    let db = ctx
        .data_unchecked::<entities::SourceConnections>()
        .get(source);
    Ok((
        db,
        crate::policy::project::select::<E>(principal, type_name),
        page,
    ))
}

/// The cursor of a record.
pub fn cursor(id: i64) -> String {
    format!("c{id}")
}

/// A connection type, its edge type and its resolvers, for node type `$node` over entity
/// `$entity`.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ident, $entity:path) => {
        pub struct $connection {
            pub nodes: Vec<$node>,
            pub has_next_page: bool,
            /// The filtered query, to count on demand.
            pub count: Option<(sea_orm::DatabaseConnection, sea_orm::Select<$entity>)>,
        }

        #[derive(async_graphql::SimpleObject, Clone)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }

        #[async_graphql::Object]
        impl $connection {
            async fn edges(&self) -> Vec<$edge> {
                self.nodes
                    .iter()
                    .map(|node| $edge {
                        cursor: $crate::connection::cursor(node.0.id),
                        node: node.clone(),
                    })
                    .collect()
            }

            async fn page_info(&self) -> $crate::connection::PageInfo {
                $crate::connection::PageInfo {
                    has_next_page: self.has_next_page,
                    end_cursor: self
                        .nodes
                        .last()
                        .map(|n| $crate::connection::cursor(n.0.id)),
                }
            }

            /// Rows matching the filter that the caller may see, on every page.
            async fn total_count(&self) -> Result<u64, $crate::error::ApiError> {
                use sea_orm::PaginatorTrait;
                match &self.count {
                    Some((db, select)) => Ok(select.clone().count(db).await?),
                    None => Ok(0),
                }
            }
        }

        impl $connection {
            /// Runs one page of `select` (already projected and filtered).
            pub async fn fetch(
                db: &sea_orm::DatabaseConnection,
                select: Option<sea_orm::Select<$entity>>,
                id: <$entity as sea_orm::EntityTrait>::Column,
                page: $crate::connection::PageRequest,
            ) -> Result<$connection, $crate::error::ApiError> {
                use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
                let Some(select) = select else {
                    return Ok($connection {
                        nodes: Vec::new(),
                        has_next_page: false,
                        count: None,
                    });
                };
                let mut paged = if page.descending {
                    select.clone().order_by_desc(id)
                } else {
                    select.clone().order_by_asc(id)
                }
                .limit(page.first + 1);
                if let Some(after) = page.after {
                    paged = paged.filter(if page.descending {
                        id.lt(after)
                    } else {
                        id.gt(after)
                    });
                }
                let mut rows = paged.all(db).await?;
                let has_next_page = rows.len() as u64 > page.first;
                rows.truncate(page.first as usize);
                Ok($connection {
                    nodes: rows.into_iter().map($node).collect(),
                    has_next_page,
                    count: Some((db.clone(), select)),
                })
            }
        }
    };
}

pub(crate) use connection;
