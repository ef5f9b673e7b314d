//! The cache key of a GraphQL request: everything that makes the response, and nothing that
//! does not. The document is canonicalised (whitespace, comments, argument and object-field
//! order, fragment order do not matter), variables are canonical JSON (sorted keys).

use std::fmt::Write;

// The document's values may hold variables: the parser's `Value`, not async-graphql's constant one.
use async_graphql::parser::types::{
    Directive, DocumentOperations, ExecutableDocument, Field, OperationType, Selection,
    SelectionSet,
};
use async_graphql_value::{Name, Value};
use sha2::{Digest, Sha256};

fn value(out: &mut String, v: &Value) {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&Name, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (name, v) in entries {
                let _ = write!(out, "{name}:");
                value(out, v);
                out.push(',');
            }
            out.push('}');
        }
        Value::List(items) => {
            out.push('[');
            for item in items {
                value(out, item);
                out.push(',');
            }
            out.push(']');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

fn arguments(
    out: &mut String,
    args: &[(
        async_graphql::parser::Positioned<Name>,
        async_graphql::parser::Positioned<Value>,
    )],
) {
    if args.is_empty() {
        return;
    }
    let mut sorted: Vec<_> = args.iter().collect();
    sorted.sort_by(|a, b| a.0.node.cmp(&b.0.node));
    out.push('(');
    for (name, v) in sorted {
        let _ = write!(out, "{}:", name.node);
        value(out, &v.node);
        out.push(',');
    }
    out.push(')');
}

fn directives(out: &mut String, list: &[async_graphql::parser::Positioned<Directive>]) {
    for d in list {
        let _ = write!(out, "@{}", d.node.name.node);
        arguments(out, &d.node.arguments);
    }
}

fn field(out: &mut String, f: &Field) {
    if let Some(alias) = &f.alias {
        let _ = write!(out, "{}:", alias.node);
    }
    let _ = write!(out, "{}", f.name.node);
    arguments(out, &f.arguments);
    directives(out, &f.directives);
    selection_set(out, &f.selection_set.node);
}

fn selection_set(out: &mut String, set: &SelectionSet) {
    if set.items.is_empty() {
        return;
    }
    // Selection order is kept: it is the order of keys in the response.
    out.push('{');
    for item in &set.items {
        match &item.node {
            Selection::Field(f) => field(out, &f.node),
            Selection::FragmentSpread(spread) => {
                let _ = write!(out, "...{}", spread.node.fragment_name.node);
                directives(out, &spread.node.directives);
            }
            Selection::InlineFragment(inline) => {
                out.push_str("...");
                if let Some(on) = &inline.node.type_condition {
                    let _ = write!(out, "on {}", on.node.on.node);
                }
                directives(out, &inline.node.directives);
                selection_set(out, &inline.node.selection_set.node);
            }
        }
        out.push(' ');
    }
    out.push('}');
}

/// The canonical text of a document.
pub fn canonical_document(document: &ExecutableDocument) -> String {
    let mut out = String::new();
    let mut operations: Vec<(Option<&Name>, _)> = match &document.operations {
        DocumentOperations::Single(op) => vec![(None, op)],
        DocumentOperations::Multiple(ops) => ops.iter().map(|(n, op)| (Some(n), op)).collect(),
    };
    operations.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, op) in operations {
        let kind = match op.node.ty {
            OperationType::Query => "query",
            OperationType::Mutation => "mutation",
            OperationType::Subscription => "subscription",
        };
        let _ = write!(out, "{kind} {}", name.map(|n| n.as_str()).unwrap_or(""));
        let mut vars: Vec<_> = op.node.variable_definitions.iter().collect();
        vars.sort_by(|a, b| a.node.name.node.cmp(&b.node.name.node));
        for v in vars {
            let _ = write!(out, "${}:{}", v.node.name.node, v.node.var_type.node);
            if let Some(default) = &v.node.default_value {
                let _ = write!(out, "={}", default.node);
            }
        }
        directives(&mut out, &op.node.directives);
        selection_set(&mut out, &op.node.selection_set.node);
        out.push('\n');
    }
    let mut fragments: Vec<_> = document.fragments.iter().collect();
    fragments.sort_by(|a, b| a.0.cmp(b.0));
    for (name, fragment) in fragments {
        let _ = write!(
            out,
            "fragment {name} on {}",
            fragment.node.type_condition.node.on.node
        );
        directives(&mut out, &fragment.node.directives);
        selection_set(&mut out, &fragment.node.selection_set.node);
        out.push('\n');
    }
    out
}

/// Canonical JSON: object keys sorted at every level.
pub fn canonical_json(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .into_iter()
                .map(|k| {
                    format!(
                        "{}:{}",
                        serde_json::Value::from(k.as_str()),
                        canonical_json(&map[k])
                    )
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        serde_json::Value::Array(items) => {
            format!(
                "[{}]",
                items
                    .iter()
                    .map(canonical_json)
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
        other => other.to_string(),
    }
}

/// The key of a public response: schema version, canonical document, operation name,
/// canonical variables.
pub fn response_key(
    schema_version: &str,
    document: &ExecutableDocument,
    operation_name: Option<&str>,
    variables: Option<&serde_json::Map<String, serde_json::Value>>,
) -> String {
    let mut hasher = Sha256::new();
    for part in [
        schema_version,
        "\0public\0",
        &canonical_document(document),
        "\0",
        operation_name.unwrap_or(""),
        "\0",
        &variables
            .map(|v| canonical_json(&serde_json::Value::Object(v.clone())))
            .unwrap_or_default(),
    ] {
        hasher.update(part.as_bytes());
    }
    crate::audit::hex(&hasher.finalize())
}

/// A key of the request exactly as sent (text, operation name, variables): equal texts give
/// equal keys without parsing; the canonical key is looked up from it.
pub fn raw_key(
    schema_version: &str,
    query: &str,
    operation_name: Option<&str>,
    variables: Option<&serde_json::Map<String, serde_json::Value>>,
) -> String {
    let mut hasher = Sha256::new();
    hasher.update(schema_version.as_bytes());
    hasher.update(b"\0raw\0");
    hasher.update(query.as_bytes());
    hasher.update(b"\0");
    hasher.update(operation_name.unwrap_or("").as_bytes());
    hasher.update(b"\0");
    if let Some(variables) = variables {
        // serde_json's map is ordered by key, so this text is canonical.
        hasher.update(
            serde_json::Value::Object(variables.clone())
                .to_string()
                .as_bytes(),
        );
    }
    crate::audit::hex(&hasher.finalize())
}

/// The memo key of a GET request's exact query string: the same bytes are the same request,
/// whatever they decode to.
pub fn raw_get_key(schema_version: &str, query_string: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(schema_version.as_bytes());
    hasher.update(b"\0get\0");
    hasher.update(query_string.as_bytes());
    crate::audit::hex(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;
    use serde_json::json;

    use super::*;

    fn key(query: &str, variables: serde_json::Value) -> String {
        let document = parse_query(query).expect("parses");
        response_key("v1", &document, None, variables.as_object())
    }

    #[test]
    fn whitespace_comments_and_argument_order_do_not_change_the_key() {
        let a = key(
            "{ treaties(first: 5, after: \"c1\") { edges { node { id } } } }",
            json!({}),
        );
        let b = key(
            "query {\n  # a comment\n  treaties(after: \"c1\", first: 5) {\n edges { node { id } } } }",
            json!({}),
        );
        assert_eq!(a, b);
        let c = key(
            "{ treaties(first: 6, after: \"c1\") { edges { node { id } } } }",
            json!({}),
        );
        assert_ne!(a, c);
    }

    #[test]
    fn variables_are_compared_as_canonical_json() {
        let q = "query Q($f: TreatyFilter) { treaties(filter: $f) { totalCount } }";
        assert_eq!(
            key(
                q,
                json!({ "f": { "status": "in_force", "kind": "convention" } })
            ),
            key(
                q,
                json!({ "f": { "kind": "convention", "status": "in_force" } })
            )
        );
        assert_ne!(
            key(q, json!({ "f": { "status": "in_force" } })),
            key(q, json!({ "f": { "status": "signed" } }))
        );
    }

    #[test]
    fn selection_order_and_aliases_change_the_key() {
        assert_ne!(
            key("{ a: catalog { units { code } } }", json!({})),
            key("{ catalog { units { code } } }", json!({}))
        );
        assert_ne!(
            key("{ viewer { audience subject } }", json!({})),
            key("{ viewer { subject audience } }", json!({}))
        );
    }
}
