//! From the registry to SQL: which columns a caller's query selects (the others are selected as
//! `NULL`, so the column itself is never read) and which row condition it adds.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Iterable, QueryFilter, QuerySelect, Select,
    sea_query::{Expr, IntoCondition},
};

use super::{
    Principal,
    registry::{RowAccess, type_policy},
};

/// Whether `principal` may read `column` of `type_name`: a key, or read by a readable field.
pub fn column_readable(principal: &Principal, type_name: &str, column: &str) -> bool {
    let Some(policy) = type_policy(type_name) else {
        return false;
    };
    policy.keys.contains(&column)
        || policy
            .fields
            .iter()
            .any(|f| f.columns.contains(&column) && principal.can_read(f.access))
}

/// `SELECT` of entity `E` for `principal`, projected by the policy of `type_name` and filtered
/// by its row rule; `None` when the caller may see no row at all (or the type is undeclared).
pub fn select<E: EntityTrait>(principal: &Principal, type_name: &str) -> Option<Select<E>> {
    let rows = (type_policy(type_name)?.rows)(principal);
    let mut query = E::find().select_only();
    for column in E::Column::iter() {
        let name = sea_orm::IdenStatic::as_str(&column);
        if column_readable(principal, type_name, name) {
            query = query.column(column);
        } else {
            query = query.column_as(Expr::cust("NULL"), name);
        }
    }
    // Soft-deleted records are gone for every reader; only the write path sees them.
    if let Some(deleted) =
        E::Column::iter().find(|c| sea_orm::IdenStatic::as_str(c) == "deleted_at")
    {
        query = query.filter(deleted.is_null());
    }
    match rows {
        RowAccess::All => Some(query),
        RowAccess::Only(condition) => Some(query.filter(condition)),
        RowAccess::Nothing => None,
    }
}

/// The one row of `type_name` matching `filter` that `principal` may see.
pub async fn find_one<E: EntityTrait>(
    db: &impl ConnectionTrait,
    principal: &Principal,
    type_name: &str,
    filter: impl IntoCondition,
) -> Result<Option<E::Model>, DbErr> {
    match select::<E>(principal, type_name) {
        Some(query) => query.filter(filter).one(db).await,
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use entities::treaties::treaty;
    use sea_orm::{DbBackend, QueryTrait};

    use super::*;
    use crate::policy::{Role, Unit};

    fn sql(principal: &Principal) -> String {
        select::<treaty::Entity>(principal, "Treaty")
            .map(|s| s.build(DbBackend::Postgres).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn columns_the_caller_may_not_read_are_never_selected() {
        let public = sql(&Principal::public());
        assert!(
            !public.contains(r#""treaty"."negotiation_notes""#),
            "{public}"
        );
        assert!(
            public.contains(r#"NULL AS "negotiation_notes""#),
            "{public}"
        );
        assert!(
            !public.contains(r#""treaty"."implementing_agencies""#),
            "{public}"
        );
        assert!(public.contains(r#""treaty"."title_en""#), "{public}");
        // The row rule is in the WHERE, not applied after fetching.
        assert!(
            public.contains(r#""treaty"."status" = 'in_force'"#),
            "{public}"
        );
        assert!(
            public.contains(r#""treaty"."publishable" = TRUE"#),
            "{public}"
        );

        let staff = sql(&Principal::staff("s", Unit::Lpqt, [Role::Viewer]));
        assert!(staff.contains(r#""treaty"."negotiation_notes""#), "{staff}");
        // Staff see every row that is not deleted.
        assert!(!staff.contains(r#""status" ="#), "{staff}");
        assert!(
            staff.contains(r#""treaty"."deleted_at" IS NULL"#),
            "{staff}"
        );
    }
}
