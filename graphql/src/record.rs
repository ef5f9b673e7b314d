//! The read API of a record type, declared once: [`record_api!`] makes the node type, its Relay
//! connection, its filter input and the two root fields (`xs(first, after, filter)` and
//! `x(id)`), all of them through the policy. The helpers below are the filter operators and
//! the cross-source relations that declarations use.

use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, Select, Value,
    sea_query::{Expr, ExprTrait, Func},
};

use crate::{countries::Country, error::ApiError, loaders::Loaders, localities::Province};

/// `column = value`.
pub fn eq<E: EntityTrait, V: Into<Value>>(
    select: Select<E>,
    column: E::Column,
    value: V,
) -> Select<E> {
    select.filter(column.eq(value))
}

/// `column = CODE`: ISO and unit codes, whatever case the caller typed.
pub fn code<E: EntityTrait>(select: Select<E>, column: E::Column, value: String) -> Select<E> {
    select.filter(column.eq(value.trim().to_ascii_uppercase()))
}

/// `column >= value`: the start of a date range.
pub fn from<E: EntityTrait, V: Into<Value>>(
    select: Select<E>,
    column: E::Column,
    value: V,
) -> Select<E> {
    select.filter(column.gte(value))
}

/// `column <= value`: the end of a date range.
pub fn to<E: EntityTrait, V: Into<Value>>(
    select: Select<E>,
    column: E::Column,
    value: V,
) -> Select<E> {
    select.filter(column.lte(value))
}

/// `true`: rows still valid (`column` empty); `false`: rows whose validity ended.
pub fn current<E: EntityTrait>(select: Select<E>, column: E::Column, value: bool) -> Select<E> {
    select.filter(if value {
        column.is_null()
    } else {
        column.is_not_null()
    })
}

/// Case-insensitive substring of a text column.
pub fn contains<E: EntityTrait>(select: Select<E>, column: E::Column, value: String) -> Select<E> {
    let pattern = format!("%{}%", value.trim().to_lowercase().replace(['%', '_'], ""));
    select.filter(Expr::expr(Func::lower(Expr::col(column))).like(pattern))
}

/// Membership in a `;`-separated list column (`country_codes`, `province_codes`, `fields`).
pub fn listed<E: EntityTrait>(select: Select<E>, column: E::Column, value: String) -> Select<E> {
    let item = value.trim().replace(['%', '_', ';'], "");
    select.filter(
        sea_orm::Condition::any()
            .add(column.eq(item.clone()))
            .add(column.like(format!("{item};%")))
            .add(column.like(format!("%;{item}")))
            .add(column.like(format!("%;{item};%"))),
    )
}

/// The items of a `;`-separated list column.
pub fn split_list(list: Option<&str>) -> Vec<String> {
    list.unwrap_or_default()
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The country of an ISO code, from `country-profiles`, through the request's loader.
pub async fn country(
    ctx: &async_graphql::Context<'_>,
    code: Option<&str>,
) -> Result<Option<Country>, ApiError> {
    match code {
        Some(code) => {
            let loaders = ctx.data_unchecked::<Loaders>();
            loaders.countries.load_one(code.to_owned()).await
        }
        None => Ok(None),
    }
}

/// The countries of a `;`-separated list of ISO codes, in the list's order.
pub async fn countries(
    ctx: &async_graphql::Context<'_>,
    codes: Option<&str>,
) -> Result<Vec<Country>, ApiError> {
    let codes = split_list(codes);
    let mut found = ctx
        .data_unchecked::<Loaders>()
        .countries
        .load_many(codes.iter().cloned())
        .await?;
    Ok(codes.iter().filter_map(|c| found.remove(c)).collect())
}

/// The current province (since the 2025 reorganisation) of a code, from `localities`.
pub async fn province(
    ctx: &async_graphql::Context<'_>,
    code: Option<&str>,
) -> Result<Option<Province>, ApiError> {
    match code {
        Some(code) => {
            let loaders = ctx.data_unchecked::<Loaders>();
            loaders.provinces.load_one(code.to_owned()).await
        }
        None => Ok(None),
    }
}

/// The current provinces of a `;`-separated list of codes, in the list's order.
pub async fn provinces(
    ctx: &async_graphql::Context<'_>,
    codes: Option<&str>,
) -> Result<Vec<Province>, ApiError> {
    let codes = split_list(codes);
    let mut found = ctx
        .data_unchecked::<Loaders>()
        .provinces
        .load_many(codes.iter().cloned())
        .await?;
    Ok(codes.iter().filter_map(|c| found.remove(c)).collect())
}

/// Declares the read API of one record type over entity module `$module` of source `$source`
/// (`open` when its id and metadata are open to every reader, `guarded` otherwise):
///
/// - `$node`, wrapping the entity's model, with `id` (global), the listed column fields (the
///   `guarded` ones are required columns that some callers may be denied, so nullable here),
///   `createdAt`, `updatedAt`, `version`, and the hand-written `computed` resolvers (relations, lists);
/// - `$connection` and `$edge`;
/// - `$filter`, each field one operator of this module over one column;
/// - `$query`, a root object with `$list(first, after, filter, orderBy)` and `$one(id)`.
///
/// What any caller may read of them is decided by the registry entry named `$node`.
macro_rules! record_api {
    (
        $(#[$doc:meta])*
        $node:ident ($connection:ident, $edge:ident) = $module:ident in $source:ident, $meta:ident;
        query $query:ident {
            $(#[$list_doc:meta])* $list:ident,
            $(#[$one_doc:meta])* $one:ident $(,)?
        }
        filter $filter:ident {
            $( $(#[$filter_doc:meta])* $filter_field:ident : $filter_ty:ty => $op:ident($column:ident) ),* $(,)?
        }
        fields {
            $( $(#[$field_doc:meta])* $field:ident : $ty:ty ),* $(,)?
        }
        $(guarded {
            $( $(#[$guarded_doc:meta])* $guarded:ident : $guarded_ty:ty ),* $(,)?
        })?
        computed { $($computed:tt)* }
    ) => {
        #[derive(Default)]
        pub struct $query;

        #[doc = concat!("Filters on `", stringify!($node), "` records; all given filters apply.")]
        #[derive(async_graphql::InputObject, Default)]
        pub struct $filter {
            $( $(#[$filter_doc])* pub $filter_field: Option<$filter_ty>, )*
        }

        #[async_graphql::Object]
        impl $query {
            $(#[$list_doc])*
            #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
            async fn $list(
                &self,
                ctx: &async_graphql::Context<'_>,
                first: Option<i32>,
                after: Option<String>,
                filter: Option<$filter>,
                order_by: Option<$crate::connection::RecordOrder>,
            // Nullable whatever the type: a root list whose source is down resolves to null with
            // its error, and the other root fields of the request are still served.
            ) -> Result<Option<$connection>, $crate::error::ApiError> {
                let (db, select, mut page) = $crate::connection::listing::<$module::Entity>(
                    ctx,
                    entities::Source::$source,
                    stringify!($node),
                    first,
                    after,
                )?;
                page.descending = order_by == Some($crate::connection::RecordOrder::IdDesc);
                #[allow(unused_variables)]
                let filter = filter.unwrap_or_default();
                #[allow(unused_mut)]
                let select = select.map(|mut select| {
                    $(
                        if let Some(value) = filter.$filter_field {
                            select = $crate::record::$op(select, $module::Column::$column, value);
                        }
                    )*
                    select
                });
                let connection = $connection::fetch(db, select, $module::Column::Id, page).await?;
                Ok(Some(connection))
            }

            $(#[$one_doc])*
            async fn $one(
                &self,
                ctx: &async_graphql::Context<'_>,
                id: i64,
            ) -> Result<Option<$node>, $crate::error::ApiError> {
                $crate::connection::by_id::<$module::Entity, _>(
                    ctx,
                    entities::Source::$source,
                    stringify!($node),
                    $module::Column::Id,
                    id,
                    $node,
                )
                .await
            }
        }

        $crate::connection::connection!($connection, $edge, $node, $module::Entity);

        $(#[$doc])*
        #[derive(Clone)]
        pub struct $node(pub $module::Model);

        #[async_graphql::Object]
        impl $node {
            /// The global id (Relay): open wherever the record is seen, the key of `node(id:)`.
            pub async fn id(&self) -> async_graphql::ID {
                $crate::ids::global_id(stringify!($node), &self.0.id.to_string())
            }
            async fn created_at(
                &self,
            ) -> $crate::record::record_api!(@nullable $meta chrono::DateTime<chrono::Utc>) {
                $crate::record::record_api!(@wrap $meta self.0.created_at)
            }
            async fn updated_at(
                &self,
            ) -> $crate::record::record_api!(@nullable $meta chrono::DateTime<chrono::Utc>) {
                $crate::record::record_api!(@wrap $meta self.0.updated_at)
            }
            /// The optimistic version, raised by every write.
            async fn version(&self) -> $crate::record::record_api!(@nullable $meta i32) {
                $crate::record::record_api!(@wrap $meta self.0.version)
            }
            $(
                $(#[$field_doc])*
                async fn $field(&self) -> $ty {
                    self.0.$field.clone()
                }
            )*
            $($(
                $(#[$guarded_doc])*
                async fn $guarded(&self) -> Option<$guarded_ty> {
                    Some(self.0.$guarded.clone())
                }
            )*)?
            $($computed)*
        }
    };
    // Open types answer non-null; guarded ones nullable, as a denied field resolves to null.
    (@nullable open $ty:ty) => { $ty };
    (@nullable guarded $ty:ty) => { Option<$ty> };
    (@wrap open $value:expr) => { $value };
    (@wrap guarded $value:expr) => { Some($value) };
}

pub(crate) use record_api;
