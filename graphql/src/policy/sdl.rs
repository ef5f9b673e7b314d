//! The SDL an audience sees: the full SDL with every field the caller may not read removed, then
//! every type no longer reachable from `Query` removed. Works on the printed SDL with the
//! positions its parser reports, so descriptions and formatting stay as async-graphql prints them.

use std::collections::{BTreeSet, HashMap};

use async_graphql::parser::{
    parse_schema,
    types::{BaseType, Type, TypeKind, TypeSystemDefinition},
};

use super::{Principal, registry};

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

/// `full` filtered for `principal`.
pub fn filter(full: &str, principal: &Principal) -> String {
    let Ok(document) = parse_schema(full) else {
        return String::new();
    };
    let lines: Vec<&str> = full.lines().collect();
    // Line (0-based) where each definition starts, in order, to find where it ends.
    let mut starts: Vec<usize> = document
        .definitions
        .iter()
        .map(|d| match d {
            TypeSystemDefinition::Type(t) => {
                t.node
                    .description
                    .as_ref()
                    .map_or(t.pos.line, |d| d.pos.line)
                    - 1
            }
            TypeSystemDefinition::Schema(s) => s.pos.line - 1,
            TypeSystemDefinition::Directive(d) => d.pos.line - 1,
        })
        .collect();
    starts.push(lines.len());

    let mut removed_lines = vec![false; lines.len()];
    // Types' outgoing references through readable fields, for reachability.
    let mut references: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut type_ranges: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, definition) in document.definitions.iter().enumerate() {
        let TypeSystemDefinition::Type(t) = definition else {
            continue;
        };
        let name = t.node.name.node.to_string();
        type_ranges.insert(name.clone(), (starts[i], starts[i + 1]));
        let refs = references.entry(name.clone()).or_default();
        match &t.node.kind {
            TypeKind::Object(object) => {
                let fields = &object.fields;
                for (j, field) in fields.iter().enumerate() {
                    let field_name = field.node.name.node.as_str();
                    let readable = registry::access(&name, field_name)
                        .is_some_and(|access| principal.can_read(access));
                    if readable {
                        refs.insert(named(&field.node.ty.node).to_owned());
                        for arg in &field.node.arguments {
                            refs.insert(named(&arg.node.ty.node).to_owned());
                        }
                        continue;
                    }
                    let from = field
                        .node
                        .description
                        .as_ref()
                        .map_or(field.pos.line, |d| d.pos.line)
                        - 1;
                    let to = match fields.get(j + 1) {
                        Some(next) => {
                            next.node
                                .description
                                .as_ref()
                                .map_or(next.pos.line, |d| d.pos.line)
                                - 1
                        }
                        // Up to the type's closing brace.
                        None => (from..starts[i + 1])
                            .find(|&l| lines[l].starts_with('}'))
                            .unwrap_or(starts[i + 1]),
                    };
                    for flag in &mut removed_lines[from..to] {
                        *flag = true;
                    }
                }
            }
            TypeKind::InputObject(input) => {
                for field in &input.fields {
                    refs.insert(named(&field.node.ty.node).to_owned());
                }
            }
            _ => {}
        }
    }

    // Keep what the roots reach through readable fields: `Query`, and `Mutation` when the
    // caller may run any of it (otherwise the schema block stops naming it).
    let mutation_readable = document.definitions.iter().any(|d| match d {
        TypeSystemDefinition::Type(t) if t.node.name.node == "Mutation" => match &t.node.kind {
            TypeKind::Object(object) => object.fields.iter().any(|f| {
                registry::access("Mutation", f.node.name.node.as_str())
                    .is_some_and(|access| principal.can_read(access))
            }),
            _ => false,
        },
        _ => false,
    });
    let mut roots = vec!["Query".to_owned()];
    if mutation_readable {
        roots.push("Mutation".to_owned());
    } else if let Some(line) = lines.iter().position(|l| l.trim() == "mutation: Mutation") {
        removed_lines[line] = true;
    }
    let mut reachable: BTreeSet<String> = roots.iter().cloned().collect();
    let mut frontier = roots;
    while let Some(name) = frontier.pop() {
        for next in references.get(&name).into_iter().flatten() {
            if reachable.insert(next.clone()) {
                frontier.push(next.clone());
            }
        }
    }
    for (name, (from, to)) in &type_ranges {
        if !reachable.contains(name) {
            for flag in &mut removed_lines[*from..*to] {
                *flag = true;
            }
        }
    }
    let mut out = String::new();
    for (line, removed) in lines.iter().zip(removed_lines) {
        if !removed {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
