//! `smithy.rules#operationContextParams`: an endpoint rule parameter taken from the
//! operation's input by a path, a subset of JMESPath (as the Smithy rules-engine
//! specification allows): identifiers and sub-expressions (`a.b`), list projections
//! (`a[*].b`), flattening (`a[*].[b, c][]`), multi-select lists (`[b, c]`) and
//! `keys(map)`.
//!
//! The path is parsed and then typed against the planned input structure into a
//! [`Traversal`] the emitter turns into plain Rust (nested `if let` and `for`): no
//! JMESPath at run time. Its value follows JMESPath's projections: every string the
//! path reaches, in order, null and absent values left out (map keys sorted, so the
//! order does not depend on a hash map). A path the subset does not cover, or that does
//! not lead to the parameter's type, is a plan error naming the path.

use crate::error::{Error, Result};
use crate::plan::endpoint_rules::ParamType;
use crate::plan::types::{RustType, StructPlan};

/// A step of a parsed path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// `name`: a member of the current structure.
    Member(String),
    /// `[*]` or `[]`: each item of the current list.
    Each,
    /// `keys(..)`: the keys of the current map; ends the path.
    Keys,
    /// `[a, b]`: each branch from the current value; ends the path.
    Select(Vec<Vec<Step>>),
}

/// A path typed against the input: what the generated code walks.
#[derive(Debug, Clone, PartialEq)]
pub enum Traversal {
    /// A member of a structure (its Rust field).
    Field {
        field: String,
        optional: bool,
        boxed: bool,
        then: Box<Traversal>,
    },
    /// Each item of a list (`Vec<Option<T>>` when sparse).
    Each { sparse: bool, then: Box<Traversal> },
    /// The keys of a map with string keys.
    Keys,
    /// Every branch, in order.
    Branches(Vec<Traversal>),
    /// A string, an enum (its wire value) or a boolean: the value itself.
    Leaf(Leaf),
    /// A list of strings or enums: each item.
    LeafList { item: Leaf, sparse: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    String,
    Enum,
    Bool,
}

impl Traversal {
    /// Whether the path can reach more than one value (a list parameter's path).
    pub fn reaches_many(&self) -> bool {
        match self {
            Traversal::Field { then, .. } => then.reaches_many(),
            Traversal::Each { .. }
            | Traversal::Keys
            | Traversal::Branches(_)
            | Traversal::LeafList { .. } => true,
            Traversal::Leaf(_) => false,
        }
    }

    /// The kind of value the path ends at.
    fn leaf(&self) -> Option<Leaf> {
        match self {
            Traversal::Field { then, .. } | Traversal::Each { then, .. } => then.leaf(),
            Traversal::Keys => Some(Leaf::String),
            // Branches of different kinds (a string and a boolean) fit no parameter.
            Traversal::Branches(branches) => {
                let first = branches.first().and_then(Traversal::leaf);
                branches
                    .iter()
                    .all(|b| b.leaf() == first)
                    .then_some(first)?
            }
            Traversal::Leaf(leaf) | Traversal::LeafList { item: leaf, .. } => Some(*leaf),
        }
    }
}

/// `path` typed from the input structure for a parameter of type `ty`.
pub fn traversal(
    path: &str,
    ty: ParamType,
    input: &RustType,
    structures: &[StructPlan],
) -> Result<Traversal> {
    let within = |e: Error| Error::new(format!("operationContextParams path `{path}`: {e}"));
    let steps = Parser::new(path).path().map_err(within)?;
    let traversal = typed(&steps, input, structures).map_err(within)?;
    let fits = match ty {
        ParamType::StringArray => {
            traversal.reaches_many() && matches!(traversal.leaf(), Some(Leaf::String | Leaf::Enum))
        }
        ParamType::String => {
            !traversal.reaches_many() && matches!(traversal.leaf(), Some(Leaf::String | Leaf::Enum))
        }
        ParamType::Boolean => !traversal.reaches_many() && traversal.leaf() == Some(Leaf::Bool),
    };
    if !fits {
        return Err(within(Error::new(format!(
            "does not lead to a value of the parameter's type ({ty:?})"
        ))));
    }
    Ok(traversal)
}

/// The steps typed from a value of type `ty`.
fn typed(steps: &[Step], ty: &RustType, structures: &[StructPlan]) -> Result<Traversal> {
    let Some((step, rest)) = steps.split_first() else {
        return leaf(ty);
    };
    match (step, ty) {
        (Step::Member(name), RustType::Struct(r)) => {
            let structure = &structures[r.index];
            let field = structure
                .fields
                .iter()
                .find(|f| f.member_name == *name)
                .ok_or_else(|| {
                    Error::new(format!("`{}` has no member `{name}`", structure.shape_id))
                })?;
            Ok(Traversal::Field {
                field: field.name.clone(),
                optional: field.optional,
                boxed: field.boxed,
                then: Box::new(typed(rest, &field.ty, structures)?),
            })
        }
        (Step::Each, RustType::List { item, sparse }) => Ok(Traversal::Each {
            sparse: *sparse,
            then: Box::new(typed(rest, item, structures)?),
        }),
        (Step::Keys, RustType::Map { key, .. }) if **key == RustType::String && rest.is_empty() => {
            Ok(Traversal::Keys)
        }
        (Step::Select(branches), _) if rest.is_empty() => branches
            .iter()
            .map(|branch| typed(branch, ty, structures))
            .collect::<Result<Vec<_>>>()
            .map(Traversal::Branches),
        (step, ty) => Err(Error::new(format!(
            "{} cannot apply to {}",
            describe(step),
            kind(ty)
        ))),
    }
}

/// The end of a path: a string, enum or boolean, or a list of strings or enums.
fn leaf(ty: &RustType) -> Result<Traversal> {
    let scalar = |ty: &RustType| match ty {
        RustType::String => Some(Leaf::String),
        RustType::Enum(_) => Some(Leaf::Enum),
        RustType::Bool => Some(Leaf::Bool),
        _ => None,
    };
    if let Some(leaf) = scalar(ty) {
        return Ok(Traversal::Leaf(leaf));
    }
    if let RustType::List { item, sparse } = ty {
        if let Some(item @ (Leaf::String | Leaf::Enum)) = scalar(item) {
            return Ok(Traversal::LeafList {
                item,
                sparse: *sparse,
            });
        }
    }
    Err(Error::new(format!(
        "ends at {}, not a string, a boolean or a list of strings",
        kind(ty)
    )))
}

fn describe(step: &Step) -> String {
    match step {
        Step::Member(name) => format!("the member `{name}`"),
        Step::Each => "a projection (`[*]` or `[]`)".to_owned(),
        Step::Keys => "`keys()` (which must end the path)".to_owned(),
        Step::Select(_) => "a multi-select list (which must end the path)".to_owned(),
    }
}

fn kind(ty: &RustType) -> &'static str {
    match ty {
        RustType::Struct(_) => "a structure",
        RustType::List { .. } => "a list",
        RustType::Map { .. } => "a map",
        RustType::Union(_) => "a union",
        _ => "a scalar",
    }
}

/// A recursive-descent parser of the path subset.
struct Parser<'p> {
    text: &'p str,
    at: usize,
}

impl<'p> Parser<'p> {
    fn new(text: &'p str) -> Self {
        Parser { text, at: 0 }
    }

    /// The whole text as one expression.
    fn path(mut self) -> Result<Vec<Step>> {
        let steps = self.expression()?;
        self.skip_space();
        if self.at < self.text.len() {
            return Err(self.unexpected());
        }
        Ok(steps)
    }

    /// `term ( '.' (identifier | multi-select) | '[*]' | '[]' )*`
    fn expression(&mut self) -> Result<Vec<Step>> {
        let mut steps = self.term()?;
        loop {
            self.skip_space();
            if self.eat(".") {
                self.skip_space();
                if self.peek() == Some('[') {
                    steps.push(self.select()?);
                } else {
                    steps.push(Step::Member(self.identifier()?));
                }
            } else if self.eat("[*]") {
                steps.push(Step::Each);
            } else if self.eat("[]") {
                // Flattening the branches of a multi-select: they are collected one by
                // one already.
                if !matches!(steps.last(), Some(Step::Select(_))) {
                    steps.push(Step::Each);
                }
            } else {
                return Ok(steps);
            }
        }
    }

    /// `identifier | '@' | keys(expression) | multi-select`
    fn term(&mut self) -> Result<Vec<Step>> {
        self.skip_space();
        if self.eat("@") {
            return Ok(Vec::new());
        }
        if self.eat("keys(") {
            let mut steps = self.expression()?;
            self.skip_space();
            if !self.eat(")") {
                return Err(self.unexpected());
            }
            steps.push(Step::Keys);
            return Ok(steps);
        }
        if self.peek() == Some('[') && !self.rest().starts_with("[*]") {
            return Ok(vec![self.select()?]);
        }
        Ok(vec![Step::Member(self.identifier()?)])
    }

    /// `'[' expression (',' expression)* ']'`
    fn select(&mut self) -> Result<Step> {
        if !self.eat("[") {
            return Err(self.unexpected());
        }
        let mut branches = vec![self.expression()?];
        loop {
            self.skip_space();
            if self.eat(",") {
                branches.push(self.expression()?);
            } else if self.eat("]") {
                return Ok(Step::Select(branches));
            } else {
                return Err(self.unexpected());
            }
        }
    }

    /// An unquoted identifier (`[A-Za-z_][A-Za-z0-9_]*`) or a quoted one (`"a b"`).
    fn identifier(&mut self) -> Result<String> {
        if self.eat("\"") {
            let end = self.rest().find('"').ok_or_else(|| self.unexpected())?;
            let name = self.rest()[..end].to_owned();
            self.at += end + 1;
            return Ok(name);
        }
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| !(c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return Err(self.unexpected());
        }
        self.at += len;
        Ok(rest[..len].to_owned())
    }

    fn rest(&self) -> &'p str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.rest().starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.text.len() - trimmed.len();
    }

    fn unexpected(&self) -> Error {
        match self.peek() {
            Some(c) => Error::new(format!(
                "unexpected `{c}` at offset {} (the subset of JMESPath the rules allow: \
                 `a.b`, `a[*].b`, `[a, b]`, `[]`, `keys(a)`)",
                self.at
            )),
            None => Error::new("the path ends too early"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str) -> Result<Vec<Step>> {
        Parser::new(path).path()
    }

    fn member(name: &str) -> Step {
        Step::Member(name.to_owned())
    }

    #[test]
    fn parses_the_subset() {
        assert_eq!(parse("Name").unwrap(), [member("Name")]);
        assert_eq!(parse("A.B").unwrap(), [member("A"), member("B")]);
        assert_eq!(
            parse("Items[*].Get.Table").unwrap(),
            [member("Items"), Step::Each, member("Get"), member("Table")]
        );
        assert_eq!(
            parse("keys(RequestItems)").unwrap(),
            [member("RequestItems"), Step::Keys]
        );
        assert_eq!(
            parse("Items[*].[A.T, B.T][]").unwrap(),
            [
                member("Items"),
                Step::Each,
                Step::Select(vec![
                    vec![member("A"), member("T")],
                    vec![member("B"), member("T")]
                ])
            ]
        );
        assert_eq!(parse("Names[]").unwrap(), [member("Names"), Step::Each]);
        assert_eq!(parse("\"odd name\"").unwrap(), [member("odd name")]);
    }

    #[test]
    fn branches_of_different_kinds_end_at_no_one_kind() {
        let branches = Traversal::Branches(vec![
            Traversal::Leaf(Leaf::String),
            Traversal::Leaf(Leaf::Bool),
        ]);
        assert_eq!(branches.leaf(), None);
        let same = Traversal::Branches(vec![
            Traversal::Leaf(Leaf::Enum),
            Traversal::Leaf(Leaf::Enum),
        ]);
        assert_eq!(same.leaf(), Some(Leaf::Enum));
    }

    #[test]
    fn refuses_what_the_subset_lacks() {
        for path in [
            "",
            "a.",
            "a[0]",
            "a[?b]",
            "length(a)",
            "a | b",
            "keys(a",
            "a.b c",
        ] {
            let error = parse(path).expect_err(path);
            assert!(
                error.to_string().contains("unexpected") || error.to_string().contains("too early"),
                "{path}: {error}"
            );
        }
    }
}
