//! `viewer`: who the caller is and, from the registry, what it may read.

use async_graphql::{Context, Object, SimpleObject};

use crate::policy::{Audience, Principal, registry};

#[derive(Default)]
pub struct ViewerQuery;

#[Object]
impl ViewerQuery {
    /// The caller, as the server sees it.
    async fn viewer(&self, ctx: &Context<'_>) -> Viewer {
        Viewer(ctx.data_unchecked::<Principal>().clone())
    }
}

pub struct Viewer(Principal);

/// A type and the fields of it the caller may read.
#[derive(SimpleObject)]
pub struct ReadableType {
    #[graphql(name = "type")]
    pub type_name: String,
    pub fields: Vec<String>,
}

#[Object]
impl Viewer {
    async fn audience(&self) -> Audience {
        self.0.audience
    }
    async fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }
    /// The staff member's unit.
    async fn unit(&self) -> Option<&str> {
        self.0.unit.map(|u| u.code())
    }
    async fn roles(&self) -> Vec<&str> {
        self.0.roles.iter().map(|r| r.code()).collect()
    }
    /// The sharing services the caller may use now (scopes backed by an active grant).
    async fn scopes(&self) -> Vec<&str> {
        self.0.scopes.iter().map(|s| s.code()).collect()
    }
    /// Every type with the fields the caller may read, leaving out types of which the caller
    /// may see no row.
    async fn readable(&self) -> Vec<ReadableType> {
        registry::TYPES
            .iter()
            .filter(|t| !matches!((t.rows)(&self.0), registry::RowAccess::Nothing))
            .filter_map(|t| {
                let fields: Vec<String> = t
                    .fields
                    .iter()
                    .filter(|f| self.0.can_read(f.access))
                    .map(|f| f.name.to_owned())
                    .collect();
                (!fields.is_empty()).then(|| ReadableType {
                    type_name: t.name.to_owned(),
                    fields,
                })
            })
            .collect()
    }
}
