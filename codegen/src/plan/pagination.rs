//! The `smithy.api#paginated` trait of an operation, merged over the service's (whose
//! members are defaults the operation's override, as the Smithy spec says), resolved to
//! the input and output fields a paginator reads and writes. A trait naming a member that
//! does not exist, or one of the wrong type, is refused here, naming the operation.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::ast::Traits;

use super::types::{FieldPlan, Pagination, PathStep, RustType, StructPlan};

/// The trait's shape ID.
pub const PAGINATED: &str = "smithy.api#paginated";

/// The operation's pagination, if it has the `paginated` trait (the service's trait alone
/// paginates nothing).
pub fn of_operation(
    operation: &str,
    traits: &Traits,
    service: Option<&Traits>,
    input: &StructPlan,
    output: &StructPlan,
    structures: &[StructPlan],
) -> Result<Option<Pagination>> {
    let Some(own) = traits.get(PAGINATED) else {
        return Ok(None);
    };
    let defaults = service.and_then(|t| t.get(PAGINATED));
    let setting = |key: &str| -> Result<Option<String>> {
        match own.get(key).or_else(|| defaults.and_then(|d| d.get(key))) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(problem(operation, format!("`{key}` must be a string"))),
        }
    };
    let required = |key: &str| -> Result<String> {
        setting(key)?.ok_or_else(|| {
            problem(
                operation,
                format!("has no `{key}`, on the operation or the service"),
            )
        })
    };
    let input_token = required("inputToken")?;
    let output_token = required("outputToken")?;
    let (input_token_path, output_token_path) = (input_token.clone(), output_token.clone());
    let input_token = top_level(
        operation,
        input,
        "inputToken",
        &input_token,
        TOKEN,
        is_token,
    )?;
    let (output_token, output_type) = path(
        operation,
        output,
        structures,
        "outputToken",
        &output_token,
        TOKEN,
        is_token,
    )?;
    if *output_type != input_token.ty {
        return Err(problem(
            operation,
            format!(
                "inputToken `{input_token_path}` ({}) and outputToken `{output_token_path}` ({}) must be of the same type",
                token_kind(&input_token.ty),
                token_kind(output_type),
            ),
        ));
    }
    let items = match setting("items")? {
        None => None,
        Some(items) => Some(path(
            operation,
            output,
            structures,
            "items",
            &items,
            "a list or a map",
            |ty| matches!(ty, RustType::List { .. } | RustType::Map { .. }),
        )?),
    };
    let page_size = match setting("pageSize")? {
        None => None,
        Some(size) => Some(top_level(
            operation,
            input,
            "pageSize",
            &size,
            "an integer",
            |ty| {
                matches!(
                    ty,
                    RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64
                )
            },
        )?),
    };
    Ok(Some(Pagination {
        input_token: input_token.name.clone(),
        output_token,
        map_token: matches!(input_token.ty, RustType::Map { .. }),
        items: items.map(|(steps, ty)| (steps, ty.clone())),
        page_size: page_size.map(|f| (f.name.clone(), f.ty.clone())),
    }))
}

/// What a token member must be: Smithy allows a string or (not recommended) a map.
const TOKEN: &str = "a string or a map";

/// A token member's kind, for messages.
fn token_kind(ty: &RustType) -> &'static str {
    match ty {
        RustType::Map { .. } => "a map",
        _ => "a string",
    }
}

fn is_token(ty: &RustType) -> bool {
    matches!(ty, RustType::String | RustType::Map { .. })
}

fn problem(operation: &str, what: String) -> Error {
    Error::shape(operation, format!("paginated trait: {what}"))
}

/// An input member by its model name, of a type `fits` accepts, not boxed.
fn top_level<'p>(
    operation: &str,
    input: &'p StructPlan,
    key: &str,
    name: &str,
    expected: &str,
    fits: impl Fn(&RustType) -> bool,
) -> Result<&'p FieldPlan> {
    let field = input
        .fields
        .iter()
        .find(|f| f.member_name == name)
        .ok_or_else(|| {
            problem(
                operation,
                format!("{key} `{name}` is not a member of the input"),
            )
        })?;
    if !fits(&field.ty) || field.boxed {
        return Err(problem(
            operation,
            format!("{key} `{name}` must be {expected} (not boxed)"),
        ));
    }
    Ok(field)
}

/// A `.`-separated path of output members, each but the last a structure, the last of a
/// type `fits` accepts; its steps and the last member's type.
fn path<'p>(
    operation: &str,
    output: &'p StructPlan,
    structures: &'p [StructPlan],
    key: &str,
    path: &str,
    expected: &str,
    fits: impl Fn(&RustType) -> bool,
) -> Result<(Vec<PathStep>, &'p RustType)> {
    let mut steps = Vec::new();
    let mut current = output;
    let names: Vec<&str> = path.split('.').collect();
    for (i, name) in names.iter().enumerate() {
        let field = current
            .fields
            .iter()
            .find(|f| f.member_name == *name)
            .ok_or_else(|| {
                problem(
                    operation,
                    format!(
                        "{key} `{path}`: `{name}` is not a member of `{}`",
                        current.name
                    ),
                )
            })?;
        steps.push(PathStep {
            field: field.name.clone(),
            optional: field.optional,
            boxed: field.boxed,
        });
        if i + 1 == names.len() {
            if !fits(&field.ty) || field.boxed {
                return Err(problem(
                    operation,
                    format!("{key} `{path}` must be {expected} (not boxed)"),
                ));
            }
            return Ok((steps, &field.ty));
        }
        current = match &field.ty {
            RustType::Struct(r) => &structures[r.index],
            _ => {
                return Err(problem(
                    operation,
                    format!("{key} `{path}`: `{name}` is not a structure"),
                ))
            }
        };
    }
    Err(problem(operation, format!("{key} is empty")))
}
