//! Rust plan: the typed intermediate form between the model and the emitter. Every type
//! gets its module and name first (operation inputs and outputs in
//! `operation::<op>`, errors in `types::error`, the rest in `types`), then members are
//! resolved to Rust types, nullability (Smithy 2.0 client rules), boxing, sensitivity and
//! documentation. The emitter only reads this form.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::ast::{trait_id, Aggregate, ErrorFault, Member, OperationShape, Shape, Traits};
use crate::boxing::members_to_box;
use crate::closure::{shape_name, Closure};
pub use crate::defaults::DefaultValue;
use crate::docs::to_rustdoc;
use crate::error::{Error, Result};
use crate::load::Model;
use crate::names::{
    deduplicate, module_name, snake_name, struct_field_names, type_name, union_field_names,
    variant_name,
};
use crate::parallel;
use crate::protocol::Protocol;
use crate::validate::PRELUDE;

/// Everything the emitter needs, in a deterministic order.
#[derive(Debug)]
pub struct Plan {
    pub crate_name: String,
    pub service: ServicePlan,
    pub operations: Vec<OperationPlan>,
    /// Sorted by module, then name.
    pub structures: Vec<StructPlan>,
    /// String and int enums, sorted by name.
    pub enums: Vec<EnumPlan>,
    /// Sorted by name.
    pub unions: Vec<UnionPlan>,
}

#[derive(Debug)]
pub struct ServicePlan {
    pub shape_id: String,
    /// The shape name, also the `X-Amz-Target` prefix of awsJson1_1.
    pub name: String,
    pub title: Option<String>,
    pub doc: Option<String>,
    pub version: Option<String>,
    pub sdk_id: Option<String>,
    pub protocol: Protocol,
}

/// Where a generated type lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    /// `crate::types`
    Types,
    /// `crate::types::error`
    Errors,
    /// `crate::operation::<name>`
    Operation(String),
}

impl Module {
    /// The module's path from the crate root, e.g. `["types", "error"]`.
    /// Whether the module's path (`types::error`) is `path`.
    pub fn is(&self, path: &str) -> bool {
        path.split("::").eq(self.segments())
    }

    pub fn segments(&self) -> Vec<&str> {
        match self {
            Module::Types => vec!["types"],
            Module::Errors => vec!["types", "error"],
            Module::Operation(op) => vec!["operation", op],
        }
    }
}

/// The part a structure plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructRole {
    Data,
    Input,
    Output,
    Error(ErrorFault),
}

#[derive(Debug)]
pub struct StructPlan {
    pub shape_id: String,
    pub name: String,
    pub module: Module,
    /// File stem inside the module's directory, e.g. `_backup`.
    pub file_stem: String,
    pub role: StructRole,
    /// For errors, the code callers see: the shape name, or its `awsQueryError` code
    /// in a query-compatible service (responses are still matched by shape name).
    pub error_code: Option<String>,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
    pub fields: Vec<FieldPlan>,
}

impl StructPlan {
    /// The full path of the type, e.g. `crate::types::error::BadRequest`.
    pub fn path(&self) -> String {
        format!(
            "crate::{}::{}",
            self.module.segments().join("::"),
            self.name
        )
    }

    /// Whether [`path`](Self::path) is `path`, without building it: emitters look
    /// structures up by path once per operation error.
    pub fn has_path(&self, path: &str) -> bool {
        path.strip_prefix("crate::")
            .and_then(|rest| rest.strip_suffix(self.name.as_str()))
            .and_then(|module| module.strip_suffix("::"))
            .is_some_and(|module| self.module.is(module))
    }

    /// The shape's name in the model, e.g. `IncompatibleRegionForMultiAZ`: an error's code.
    pub fn shape_name(&self) -> &str {
        self.shape_id
            .rsplit_once('#')
            .map_or(self.shape_id.as_str(), |(_, name)| name)
    }

    /// The member carrying an error's message (`Message`, `message`, ...), if it is a
    /// string that may be shown.
    pub fn message_field(&self) -> Option<&FieldPlan> {
        self.fields.iter().find(|f| {
            f.member_name.eq_ignore_ascii_case("message")
                && f.ty == RustType::String
                && !f.sensitive
        })
    }

    pub fn builder_name(&self) -> String {
        format!("{}Builder", self.name)
    }

    /// Whether `build()` can fail: some member must be set and has no default.
    pub fn build_is_fallible(&self) -> bool {
        self.fields.iter().any(FieldPlan::must_be_set)
    }
}

#[derive(Debug)]
pub struct FieldPlan {
    /// The Smithy member name (the wire name for awsJson1_1).
    pub member_name: String,
    /// The Rust field name, possibly raw (`r#type`).
    pub name: String,
    pub ty: RustType,
    /// `Option<T>` in the struct.
    pub optional: bool,
    /// `Box<T>` (inside the `Option` when optional) to break a recursive cycle.
    pub boxed: bool,
    pub required: bool,
    /// The `default` trait's value, typed, for non-optional members.
    pub default: Option<DefaultValue>,
    /// Redacted in `Debug`.
    pub sensitive: bool,
    pub idempotency_token: bool,
    /// `@hostLabel`: the value goes into the endpoint's host prefix.
    pub host_label: bool,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
    /// The target shape ID.
    pub target: String,
}

impl FieldPlan {
    /// Whether the builder must be given a value: the member is `@required` and has no
    /// default. This holds for `@clientOptional` members too: the field stays an
    /// `Option` (a response may omit it), but whoever builds a value must provide it.
    pub fn must_be_set(&self) -> bool {
        self.required && self.default.is_none()
    }
}

/// A Rust type for a target shape.
#[derive(Debug, Clone, PartialEq)]
pub enum RustType {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    /// A timestamp, and how it is written on the wire.
    DateTime(TimestampFormat),
    Blob,
    BigInteger,
    BigDecimal,
    /// Any JSON value.
    Document,
    /// A generated structure ([`Plan::structures`]).
    Struct(TypeRef),
    /// A generated string enum ([`Plan::enums`]).
    Enum(TypeRef),
    /// A generated int enum ([`Plan::enums`]).
    IntEnum(TypeRef),
    /// A generated union ([`Plan::unions`]).
    Union(TypeRef),
    /// `smithy.api#Unit`, which only union members target: no value.
    Unit,
    /// `Vec<T>`; `Vec<Option<T>>` when sparse.
    List {
        item: Box<RustType>,
        sparse: bool,
    },
    /// `HashMap<K, V>`; `HashMap<K, Option<V>>` when sparse.
    Map {
        key: Box<RustType>,
        value: Box<RustType>,
        sparse: bool,
    },
}

/// A generated type as the planner resolved it: its index in the plan's table of its
/// kind (`structures`, `enums` or `unions`) and the path it is written with
/// (`crate::types::Backup`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TypeRef {
    pub index: usize,
    pub path: String,
}

impl Plan {
    /// The structure `r` refers to.
    pub fn structure(&self, r: &TypeRef) -> &StructPlan {
        &self.structures[r.index]
    }

    /// The enum `r` refers to.
    pub fn enumeration(&self, r: &TypeRef) -> &EnumPlan {
        &self.enums[r.index]
    }

    /// The union `r` refers to.
    pub fn union(&self, r: &TypeRef) -> &UnionPlan {
        &self.unions[r.index]
    }
}

/// How a timestamp is written on the wire (the `timestampFormat` trait; awsJson1_1
/// defaults to epoch seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    /// RFC 3339, `2000-01-02T20:34:56.123Z`.
    DateTime,
    /// IMF-fixdate, `Sun, 02 Jan 2000 20:34:56 GMT`.
    HttpDate,
}

/// Whether an enum's values are strings (`enum`) or integers (`intEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    String,
    Int,
}

#[derive(Debug)]
pub struct EnumPlan {
    pub shape_id: String,
    pub kind: EnumKind,
    pub name: String,
    pub file_stem: String,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
    pub variants: Vec<VariantPlan>,
}

#[derive(Debug)]
pub struct VariantPlan {
    pub name: String,
    /// The wire value: a string for `enum`, an integer for `intEnum`.
    pub value: EnumValue,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
}

/// An enum member's value on the wire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum EnumValue {
    String(String),
    Int(i32),
}

impl std::fmt::Display for EnumValue {
    /// The string, or the integer in decimal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnumValue::String(s) => f.write_str(s),
            EnumValue::Int(i) => write!(f, "{i}"),
        }
    }
}

impl EnumPlan {
    /// The variants of a string enum with their values (all of them: the planner gives
    /// a string enum string values only).
    pub fn string_variants(&self) -> impl Iterator<Item = (&VariantPlan, &str)> {
        self.variants.iter().filter_map(|v| match &v.value {
            EnumValue::String(s) => Some((v, s.as_str())),
            EnumValue::Int(_) => None,
        })
    }

    /// The variants of an int enum with their values (all of them: the planner gives an
    /// int enum integer values only).
    pub fn int_variants(&self) -> impl Iterator<Item = (&VariantPlan, i32)> {
        self.variants.iter().filter_map(|v| match v.value {
            EnumValue::Int(i) => Some((v, i)),
            EnumValue::String(_) => None,
        })
    }
}

/// A union: exactly one member is set.
#[derive(Debug)]
pub struct UnionPlan {
    pub shape_id: String,
    pub name: String,
    pub file_stem: String,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
    pub variants: Vec<UnionVariantPlan>,
}

/// One member of a union: a variant holding the member's value.
#[derive(Debug)]
pub struct UnionVariantPlan {
    /// The Rust variant name, e.g. `StringValue`.
    pub name: String,
    /// The member as a field: wire name, type ([`RustType::Unit`] for a member targeting
    /// `smithy.api#Unit`, a variant without data), boxing, sensitivity, docs.
    pub field: FieldPlan,
}

#[derive(Debug)]
pub struct OperationPlan {
    pub shape_id: String,
    /// The Rust type name, `CopyBackup` (`GetCsvHeader` for the model's `GetCSVHeader`).
    pub name: String,
    /// The `X-Amz-Target` header value, from the model's names (`AWSWAF_20190729.GetCSVHeader`).
    pub target: String,
    /// `copy_backup`
    pub module: String,
    pub doc: Option<String>,
    pub deprecated: Option<String>,
    pub idempotent: bool,
    /// The input structure.
    pub input: TypeRef,
    /// The output structure.
    pub output: TypeRef,
    /// The error structures: the operation's own, then the service's, in model order.
    pub errors: Vec<TypeRef>,
    /// The `endpoint` trait's host prefix, if the operation has one.
    pub host_prefix: Option<HostPrefix>,
    /// How request bodies are compressed (`requestCompression`), if they are.
    pub compression: Option<Compression>,
}

/// The `endpoint` trait's `hostPrefix` (`foo.{label}.`), prepended to the endpoint's
/// host: literal text and input members marked `@hostLabel`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix {
    pub parts: Vec<HostPrefixPart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPrefixPart {
    Literal(String),
    /// An input member's value, checked to be a host label when the request is built.
    Label {
        /// The member name in the model.
        member_name: String,
        /// The Rust field of the input structure.
        field: String,
    },
}

/// A request compression algorithm (`requestCompression` trait's `encodings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
}

impl OperationPlan {
    /// The operation's name as the model spells it (`GetCSVHeader`).
    pub fn model_name(&self) -> &str {
        shape_name(&self.shape_id)
    }
}

/// Builds the plan for a validated model and its closure.
pub fn plan(model: &Model, closure: &Closure, crate_name: &str) -> Result<Plan> {
    let planner = Planner::new(model, closure).map_err(|e| model.locate(e))?;
    planner.build(crate_name).map_err(|e| model.locate(e))
}

/// Every documentation text of the service, its chosen operations and the shapes they
/// reach (members included), converted to rustdoc on every core: conversion is most of
/// the planning time of a documented model, and planning itself runs on one thread.
fn rustdoc_by_text<'m>(model: &'m Model, closure: &Closure) -> BTreeMap<&'m str, String> {
    let ids = std::iter::once(&closure.service)
        .chain(&closure.operations)
        .chain(&closure.shapes);
    let mut texts = BTreeSet::new();
    for shape in ids.filter_map(|id| model.shapes.get(id)) {
        texts.extend(shape.traits().doc());
        texts.extend(
            shape
                .members()
                .into_iter()
                .filter_map(|(_, m)| m.traits.doc()),
        );
    }
    let texts: Vec<&str> = texts.into_iter().collect();
    let converted = parallel::map(&texts, |text| to_rustdoc(text));
    texts.into_iter().zip(converted).collect()
}

/// One generated type before its members are resolved.
struct Slot {
    shape_id: String,
    module: Module,
    role: StructRole,
    /// The operation an input or output belongs to.
    operation: Option<String>,
    /// For synthetic inputs/outputs of operations without one.
    synthetic_doc: Option<String>,
}

impl Slot {
    /// What the slot's name is assigned under: the shape ID, or for an operation's input
    /// and output `<operation>$input` / `$output` (one shape may be both).
    fn key(&self) -> String {
        match (&self.operation, self.role) {
            (Some(op), StructRole::Input) => format!("{op}$input"),
            (Some(op), _) => format!("{op}$output"),
            (None, _) => self.shape_id.clone(),
        }
    }
}

struct Planner<'m> {
    model: &'m Model,
    closure: &'m Closure,
    protocol: Protocol,
    /// Shape ID -> its type in `types` / `types::error`.
    type_refs: BTreeMap<String, TypeRef>,
    /// Each slot's type, keyed like `names`.
    slot_refs: BTreeMap<(Module, String), TypeRef>,
    /// Type name assigned to each slot, keyed by (module, shape ID or synthetic key).
    names: BTreeMap<(Module, String), String>,
    file_stems: BTreeMap<(Module, String), String>,
    operation_modules: BTreeMap<String, String>,
    slots: Vec<Slot>,
    boxed: BTreeSet<String>,
    /// Model documentation already converted to rustdoc, by its text.
    rustdoc: BTreeMap<&'m str, String>,
}

impl<'m> Planner<'m> {
    fn new(model: &'m Model, closure: &'m Closure) -> Result<Self> {
        // The protocol first: a service this generator cannot speak is refused before
        // anything else is said about its shapes.
        let service = model.shapes.get(&closure.service).map(Shape::traits);
        let protocol = Protocol::of_service(
            model,
            &closure.service,
            service.unwrap_or(&Traits::default()),
        )?;
        let mut planner = Planner {
            model,
            closure,
            protocol,
            type_refs: BTreeMap::new(),
            slot_refs: BTreeMap::new(),
            names: BTreeMap::new(),
            file_stems: BTreeMap::new(),
            operation_modules: BTreeMap::new(),
            slots: Vec::new(),
            boxed: members_to_box(model, &closure.shapes),
            rustdoc: rustdoc_by_text(model, closure),
        };
        planner.check_supported()?;
        planner.assign_operation_modules();
        planner.assign_slots()?;
        planner.assign_names();
        planner.assign_refs();
        Ok(planner)
    }

    /// `doc` as rustdoc Markdown.
    fn rustdoc(&self, doc: &str) -> String {
        self.rustdoc
            .get(doc)
            .cloned()
            .unwrap_or_else(|| to_rustdoc(doc))
    }

    fn shape(&self, id: &str) -> Result<&'m Shape> {
        self.model
            .shapes
            .get(id)
            .ok_or_else(|| Error::new(format!("target `{id}` does not exist in the model")))
    }

    /// Rejects, with the shape's ID, what this generator cannot express yet.
    fn check_supported(&self) -> Result<()> {
        for id in &self.closure.shapes {
            let shape = self.shape(id).map_err(|e| e.with_shape(id))?;
            let unsupported = match shape {
                Shape::Set(_) => {
                    Some("`set` is a Smithy 1.0 shape; use a list with @uniqueItems".to_owned())
                }
                Shape::Service(_) | Shape::Resource(_) => {
                    Some(format!("{} cannot be a member target", shape.a_kind()))
                }
                Shape::Union(_) if shape.traits().has(trait_id::STREAMING) => Some(
                    "event streams (a `@streaming` union) are not supported by this generator"
                        .to_owned(),
                ),
                _ if shape.traits().has(trait_id::STREAMING) => Some(
                    "streaming blobs (`@streaming`) are not supported by this generator".to_owned(),
                ),
                _ if !shape.mixins().is_empty() => {
                    Some("mixins must be applied before planning".to_owned())
                }
                _ => None,
            };
            if let Some(problem) = unsupported {
                return Err(Error::shape(id, problem));
            }
        }
        Ok(())
    }

    fn assign_operation_modules(&mut self) {
        let entries: Vec<(String, String)> = self
            .closure
            .operations
            .iter()
            .map(|id| (id.clone(), module_name(shape_name(id))))
            .collect();
        for ((id, _), module) in entries.iter().zip(deduplicate(&entries, "_")) {
            self.operation_modules.insert(id.clone(), module);
        }
    }

    fn operation(&self, id: &str) -> Result<&'m OperationShape> {
        match self.shape(id)? {
            Shape::Operation(op) => Ok(op),
            other => Err(Error::shape(
                id,
                format!("is {}, not an operation", other.a_kind()),
            )),
        }
    }

    /// Decides which types exist and where.
    fn assign_slots(&mut self) -> Result<()> {
        for op_id in &self.closure.operations {
            let op = self.operation(op_id)?;
            let module = Module::Operation(self.operation_modules[op_id].clone());
            for (role, target) in [
                (StructRole::Input, &op.input),
                (StructRole::Output, &op.output),
            ] {
                let (shape_id, synthetic_doc) = match target {
                    Some(t) if t.target != format!("{PRELUDE}#Unit") => (t.target.clone(), None),
                    _ => {
                        let kind = if role == StructRole::Input {
                            "input"
                        } else {
                            "output"
                        };
                        (
                            format!("{op_id}${kind}"),
                            Some(format!(
                                "The {kind} of `{}`; it has no members.",
                                shape_name(op_id)
                            )),
                        )
                    }
                };
                self.slots.push(Slot {
                    shape_id,
                    module: module.clone(),
                    role,
                    operation: Some(op_id.clone()),
                    synthetic_doc,
                });
            }
        }
        for id in self.member_targets()? {
            match self.shape(&id)? {
                Shape::Structure(s) => {
                    let (module, role) = match s.traits.error() {
                        Some(fault) => (Module::Errors, StructRole::Error(fault)),
                        None => (Module::Types, StructRole::Data),
                    };
                    self.slots.push(Slot {
                        shape_id: id,
                        module,
                        role,
                        operation: None,
                        synthetic_doc: None,
                    });
                }
                Shape::Enum(_) | Shape::IntEnum(_) | Shape::Union(_) => self.slots.push(Slot {
                    shape_id: id,
                    module: Module::Types,
                    role: StructRole::Data,
                    operation: None,
                    synthetic_doc: None,
                }),
                _ => {}
            }
        }
        Ok(())
    }

    /// Shapes used as member targets or errors: those get a type in `types`.
    fn member_targets(&self) -> Result<BTreeSet<String>> {
        let mut targets: BTreeSet<String> = self.closure.service_errors.iter().cloned().collect();
        for op_id in &self.closure.operations {
            targets.extend(
                self.operation(op_id)?
                    .errors
                    .iter()
                    .map(|t| t.target.clone()),
            );
        }
        for id in &self.closure.shapes {
            for (_, member) in self.shape(id)?.members() {
                if !member.target.starts_with(&format!("{PRELUDE}#")) {
                    targets.insert(member.target.clone());
                }
            }
        }
        Ok(targets)
    }

    /// Type names, unique per module whatever the order of the model.
    fn assign_names(&mut self) {
        let mut by_module: BTreeMap<Module, Vec<(String, String)>> = BTreeMap::new();
        for slot in &self.slots {
            let candidate = match (&slot.operation, slot.role) {
                (Some(op_id), StructRole::Input) => {
                    format!("{}Input", type_name(shape_name(op_id)))
                }
                (Some(op_id), _) => format!("{}Output", type_name(shape_name(op_id))),
                (None, _) => type_name(shape_name(&slot.shape_id)),
            };
            by_module
                .entry(slot.module.clone())
                .or_default()
                .push((slot.key(), candidate));
        }
        for (module, entries) in by_module {
            let names = deduplicate(&entries, "");
            let stems: Vec<(String, String)> = entries
                .iter()
                .zip(&names)
                .map(|((id, _), name)| (id.clone(), format!("_{}", snake_name(name))))
                .collect();
            let file_stems = deduplicate(&stems, "_");
            for (((id, _), name), stem) in entries.iter().zip(names).zip(file_stems) {
                self.names.insert((module.clone(), id.clone()), name);
                self.file_stems.insert((module.clone(), id.clone()), stem);
            }
        }
    }

    /// Gives every type its place in the plan's tables, in the order they are listed
    /// (structures by module, then name; enums and unions by name), so that members and
    /// operations refer to their types by index before any type is built.
    fn assign_refs(&mut self) {
        let mut structures = Vec::new();
        let mut enums = Vec::new();
        let mut unions = Vec::new();
        for slot in &self.slots {
            let key = (slot.module.clone(), slot.key());
            let name = &self.names[&key];
            let table = match self.model.shapes.get(&slot.shape_id) {
                Some(Shape::Enum(_) | Shape::IntEnum(_)) => &mut enums,
                Some(Shape::Union(_)) => &mut unions,
                _ => &mut structures,
            };
            table.push(((slot.module.clone(), name.clone()), key));
        }
        for mut table in [structures, enums, unions] {
            table.sort();
            for (index, ((module, name), key)) in table.into_iter().enumerate() {
                let path = format!("crate::{}::{name}", module.segments().join("::"));
                let r = TypeRef { index, path };
                if matches!(module, Module::Types | Module::Errors) {
                    self.type_refs.insert(key.1.clone(), r.clone());
                }
                self.slot_refs.insert(key, r);
            }
        }
    }

    fn build(&self, crate_name: &str) -> Result<Plan> {
        let mut structures = BTreeMap::new();
        let mut enums = BTreeMap::new();
        let mut unions = BTreeMap::new();
        for slot in &self.slots {
            let key = (slot.module.clone(), slot.key());
            let name = self.names[&key].clone();
            let file_stem = self.file_stems[&key].clone();
            let index = self.slot_refs[&key].index;
            match self.model.shapes.get(&slot.shape_id) {
                Some(Shape::Enum(e)) => {
                    let plan = self.enum_plan(&slot.shape_id, EnumKind::String, e, name, file_stem);
                    enums.insert(index, plan.map_err(|err| err.with_shape(&slot.shape_id))?);
                }
                Some(Shape::IntEnum(e)) => {
                    let plan = self.enum_plan(&slot.shape_id, EnumKind::Int, e, name, file_stem);
                    enums.insert(index, plan.map_err(|err| err.with_shape(&slot.shape_id))?);
                }
                Some(Shape::Union(u)) => {
                    let plan = self.union_plan(&slot.shape_id, u, name, file_stem);
                    unions.insert(index, plan.map_err(|err| err.with_shape(&slot.shape_id))?);
                }
                Some(Shape::Structure(s)) => {
                    let plan = self.struct_plan(slot, s, name, file_stem);
                    structures.insert(index, plan.map_err(|err| err.with_shape(&slot.shape_id))?);
                }
                _ => {
                    structures.insert(index, synthetic_struct(slot, name, file_stem));
                }
            }
        }
        // Every index was assigned once, from 0 (`assign_refs`): the tables are in order.
        let structures: Vec<StructPlan> = structures.into_values().collect();
        let enums = enums.into_values().collect();
        let unions = unions.into_values().collect();
        let operations = self.operation_plans(&structures)?;
        Ok(Plan {
            crate_name: crate_name.to_owned(),
            service: self.service_plan(),
            operations,
            structures,
            enums,
            unions,
        })
    }

    fn service_plan(&self) -> ServicePlan {
        let id = &self.closure.service;
        let traits = self.model.shapes.get(id).map(Shape::traits);
        let service = traits.and_then(|t| t.get(trait_id::AWS_API_SERVICE));
        let version = match self.model.shapes.get(id) {
            Some(Shape::Service(s)) => s.version.clone(),
            _ => None,
        };
        ServicePlan {
            shape_id: id.clone(),
            name: shape_name(id).to_owned(),
            title: traits
                .and_then(|t| t.get(trait_id::TITLE))
                .and_then(Value::as_str)
                .map(str::to_owned),
            doc: traits.and_then(Traits::doc).map(|doc| self.rustdoc(doc)),
            version,
            sdk_id: service
                .and_then(|s| s.get("sdkId"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            protocol: self.protocol,
        }
    }

    fn operation_plans(&self, structures: &[StructPlan]) -> Result<Vec<OperationPlan>> {
        let mut plans = Vec::new();
        for op_id in &self.closure.operations {
            let op = self.operation(op_id)?;
            let module = self.operation_modules[op_id].clone();
            let io_ref = |role: StructRole| -> Result<TypeRef> {
                self.slots
                    .iter()
                    .find(|s| s.role == role && s.operation.as_ref() == Some(op_id))
                    .and_then(|s| self.slot_refs.get(&(s.module.clone(), s.key())))
                    .cloned()
                    .ok_or_else(|| Error::shape(op_id, "has no planned input or output"))
            };
            let input = io_ref(StructRole::Input)?;
            let input_plan = &structures[input.index];
            check_idempotency_token(op_id, input_plan)?;
            plans.push(OperationPlan {
                shape_id: op_id.clone(),
                name: type_name(shape_name(op_id)),
                target: self
                    .protocol
                    .target(shape_name(&self.closure.service), shape_name(op_id)),
                host_prefix: host_prefix(op_id, &op.traits, Some(input_plan))?,
                compression: request_compression(&op.traits),
                doc: op.traits.doc().map(|doc| self.rustdoc(doc)),
                deprecated: op.traits.deprecated(),
                idempotent: op.traits.has("smithy.api#idempotent"),
                output: io_ref(StructRole::Output)?,
                errors: self.operation_errors(op_id, op, structures)?,
                input,
                module,
            });
        }
        Ok(plans)
    }

    /// The operation's own errors, then the service's common ones, each once; every one
    /// must be a structure with the `error` trait.
    fn operation_errors(
        &self,
        op_id: &str,
        op: &OperationShape,
        structures: &[StructPlan],
    ) -> Result<Vec<TypeRef>> {
        let mut errors: Vec<TypeRef> = Vec::new();
        let error_ids = op
            .errors
            .iter()
            .map(|t| &t.target)
            .chain(&self.closure.service_errors);
        for error in error_ids {
            let r = self.type_refs.get(error).cloned().ok_or_else(|| {
                Error::shape(op_id, format!("error `{error}` has no generated type"))
            })?;
            if !matches!(structures[r.index].role, StructRole::Error(_)) {
                return Err(Error::shape(
                    error,
                    "used as an operation error without the `error` trait",
                ));
            }
            if !errors.contains(&r) {
                errors.push(r);
            }
        }
        Ok(errors)
    }

    fn struct_plan(
        &self,
        slot: &Slot,
        shape: &Aggregate,
        name: String,
        file_stem: String,
    ) -> Result<StructPlan> {
        let is_input = slot.role == StructRole::Input || shape.traits.is_input();
        let members: Vec<&str> = shape.members.iter().map(|(member, _)| member).collect();
        let field_names = struct_field_names(&members);
        let mut fields = Vec::new();
        for ((member_name, member), field) in shape.members.iter().zip(field_names) {
            fields.push(
                self.field_plan(&slot.shape_id, member_name, member, field, is_input)
                    .map_err(|e| {
                        e.with_json_path(format!("shapes.{}.members.{member_name}", slot.shape_id))
                    })?,
            );
        }
        Ok(StructPlan {
            shape_id: slot.shape_id.clone(),
            name,
            module: slot.module.clone(),
            file_stem,
            role: slot.role,
            error_code: matches!(slot.role, StructRole::Error(_)).then(|| {
                self.protocol
                    .error_code(shape_name(&slot.shape_id), &shape.traits)
            }),
            doc: shape.traits.doc().map(|doc| self.rustdoc(doc)),
            deprecated: shape.traits.deprecated(),
            fields,
        })
    }

    fn field_plan(
        &self,
        owner: &str,
        member_name: &str,
        member: &Member,
        name: String,
        in_input: bool,
    ) -> Result<FieldPlan> {
        let traits = &member.traits;
        let default = traits.default_value();
        let required = traits.is_required();
        // Smithy 2.0 client nullability: members of @input structures and @clientOptional
        // members are always optional; otherwise @required or a default makes a value.
        let optional = in_input || traits.is_client_optional() || !(required || default.is_some());
        let target_doc = self.shape(&member.target)?.traits().doc();
        let ty = self.rust_type(&member.target, &member.traits, 0)?;
        // Typed even when the field is optional: a wrong default is a model error anyway.
        let default = default
            .map(|value| {
                let typed = crate::defaults::resolve(&ty, value)?;
                self.check_enum_default(&member.target, &typed)?;
                Ok(typed)
            })
            .transpose()
            .map_err(|problem: String| {
                Error::shape(owner, format!("member `{member_name}`: {problem}"))
            })?;
        Ok(FieldPlan {
            member_name: member_name.to_owned(),
            name,
            ty,
            optional,
            boxed: self.boxed.contains(&format!("{owner}${member_name}")),
            required,
            default: if optional { None } else { default },
            sensitive: traits.is_sensitive() || self.is_sensitive(&member.target, 0),
            idempotency_token: traits.is_idempotency_token(),
            host_label: traits.has(trait_id::HOST_LABEL),
            doc: traits.doc().or(target_doc).map(|doc| self.rustdoc(doc)),
            deprecated: traits.deprecated(),
            target: member.target.clone(),
        })
    }

    /// An enum or int enum default must be one of the enum's values.
    fn check_enum_default(
        &self,
        target: &str,
        default: &DefaultValue,
    ) -> std::result::Result<(), String> {
        let Ok(Shape::Enum(shape) | Shape::IntEnum(shape)) = self.shape(target) else {
            return Ok(());
        };
        let wanted = match default {
            DefaultValue::Enum(value) => Value::from(value.as_str()),
            DefaultValue::IntEnum(value) => Value::from(*value),
            _ => return Ok(()),
        };
        let known = shape.members.iter().any(|(name, member)| {
            member
                .traits
                .enum_value()
                .map_or(wanted == *name, |value| *value == wanted)
        });
        if known {
            Ok(())
        } else {
            Err(format!(
                "default value {wanted} is not a value of `{target}`"
            ))
        }
    }

    /// Whether values of `target` must be redacted: the shape is `@sensitive`, or it is a
    /// collection of such values.
    fn is_sensitive(&self, target: &str, depth: usize) -> bool {
        let Some(shape) = self.model.shapes.get(target) else {
            return false;
        };
        if shape.traits().is_sensitive() {
            return true;
        }
        depth < MAX_COLLECTION_NESTING
            && match shape {
                Shape::List(l) | Shape::Set(l) => self.is_sensitive(&l.member.target, depth + 1),
                Shape::Map(m) => {
                    self.is_sensitive(&m.key.target, depth + 1)
                        || self.is_sensitive(&m.value.target, depth + 1)
                }
                _ => false,
            }
    }

    /// The Rust type of a member targeting `target`; the member's own traits can set a
    /// timestamp's wire format.
    fn rust_type(&self, target: &str, member_traits: &Traits, depth: usize) -> Result<RustType> {
        if depth > MAX_COLLECTION_NESTING {
            return Err(Error::shape(
                target,
                "lists and maps nest too deeply (a collection cycle with no structure in it?)",
            ));
        }
        let shape = self.shape(target)?;
        Ok(match shape {
            Shape::String(_) => RustType::String,
            Shape::Boolean(_) => RustType::Bool,
            Shape::Byte(_) => RustType::I8,
            Shape::Short(_) => RustType::I16,
            Shape::Integer(_) => RustType::I32,
            Shape::Long(_) => RustType::I64,
            Shape::Float(_) => RustType::F32,
            Shape::Double(_) => RustType::F64,
            Shape::BigInteger(_) => RustType::BigInteger,
            Shape::BigDecimal(_) => RustType::BigDecimal,
            Shape::Document(_) => RustType::Document,
            Shape::Timestamp(t) => RustType::DateTime(
                timestamp_format(member_traits, &t.traits)
                    .unwrap_or_else(|| self.protocol.default_timestamp_format()),
            ),
            Shape::Blob(_) => RustType::Blob,
            Shape::Structure(_) if target == format!("{PRELUDE}#Unit") => RustType::Unit,
            Shape::Structure(_) => RustType::Struct(self.type_ref(target)?),
            Shape::Enum(_) => RustType::Enum(self.type_ref(target)?),
            Shape::IntEnum(_) => RustType::IntEnum(self.type_ref(target)?),
            Shape::Union(_) => RustType::Union(self.type_ref(target)?),
            Shape::List(l) => RustType::List {
                item: Box::new(self.rust_type(&l.member.target, &l.member.traits, depth + 1)?),
                sparse: l.traits.is_sparse(),
            },
            Shape::Map(m) => RustType::Map {
                key: Box::new(self.rust_type(&m.key.target, &m.key.traits, depth + 1)?),
                value: Box::new(self.rust_type(&m.value.target, &m.value.traits, depth + 1)?),
                sparse: m.traits.is_sparse(),
            },
            other => {
                return Err(Error::shape(
                    target,
                    format!("{} cannot be a member target", other.a_kind()),
                ));
            }
        })
    }

    fn type_ref(&self, target: &str) -> Result<TypeRef> {
        self.type_refs
            .get(target)
            .cloned()
            .ok_or_else(|| Error::shape(target, "has no generated type"))
    }

    fn enum_plan(
        &self,
        id: &str,
        kind: EnumKind,
        shape: &Aggregate,
        name: String,
        file_stem: String,
    ) -> Result<EnumPlan> {
        let entries: Vec<(String, String)> = shape
            .members
            .iter()
            .map(|(member, _)| (member.to_owned(), variant_name(member)))
            .collect();
        let variant_names = deduplicate(&entries, "");
        let mut variants = Vec::new();
        let mut values = BTreeSet::new();
        for ((member_name, member), variant) in shape.members.iter().zip(variant_names) {
            let value = match (kind, member.traits.enum_value()) {
                (EnumKind::String, Some(Value::String(v))) => EnumValue::String(v.clone()),
                (EnumKind::String, None) => EnumValue::String(member_name.to_owned()),
                (EnumKind::Int, Some(Value::Number(n))) => EnumValue::Int(int_enum_value(n)?),
                (EnumKind::String, Some(other)) => {
                    return Err(Error::shape(
                        id,
                        format!("member `{member_name}`: enum value {other} is not a string"),
                    ))
                }
                (EnumKind::Int, _) => {
                    return Err(Error::shape(
                        id,
                        format!(
                        "member `{member_name}`: an intEnum member needs an integer `enumValue`"
                    ),
                    ))
                }
            };
            if !values.insert(value.clone()) {
                return Err(Error::shape(
                    id,
                    format!("enum value {:?} appears twice", value.to_string()),
                ));
            }
            variants.push(VariantPlan {
                name: variant,
                value,
                doc: member.traits.doc().map(|doc| self.rustdoc(doc)),
                deprecated: member.traits.deprecated(),
            });
        }
        if variants.is_empty() {
            return Err(Error::shape(id, "an enum needs at least one member"));
        }
        Ok(EnumPlan {
            shape_id: id.to_owned(),
            kind,
            name,
            file_stem,
            doc: shape.traits.doc().map(|doc| self.rustdoc(doc)),
            deprecated: shape.traits.deprecated(),
            variants,
        })
    }
    fn union_plan(
        &self,
        id: &str,
        shape: &Aggregate,
        name: String,
        file_stem: String,
    ) -> Result<UnionPlan> {
        let entries: Vec<(String, String)> = shape
            .members
            .iter()
            .map(|(member, _)| (member.to_owned(), variant_name(member)))
            .collect();
        let variant_names = deduplicate(&entries, "");
        let members: Vec<&str> = shape.members.iter().map(|(member, _)| member).collect();
        let field_names = union_field_names(&members);
        let mut variants = Vec::new();
        let names = variant_names.into_iter().zip(field_names);
        for ((member_name, member), (variant, field)) in shape.members.iter().zip(names) {
            let field = self
                .field_plan(id, member_name, member, field, false)
                .map_err(|e| e.with_json_path(format!("shapes.{id}.members.{member_name}")))?;
            variants.push(UnionVariantPlan {
                name: variant,
                field,
            });
        }
        if variants.is_empty() {
            return Err(Error::shape(id, "a union needs at least one member"));
        }
        Ok(UnionPlan {
            shape_id: id.to_owned(),
            name,
            file_stem,
            doc: shape.traits.doc().map(|doc| self.rustdoc(doc)),
            deprecated: shape.traits.deprecated(),
            variants,
        })
    }
}

/// The operation's `endpoint` trait as a [`HostPrefix`]: each `{label}` must name a
/// member of the input marked `@hostLabel` that targets a string (the Smithy spec
/// also makes it `@required`).
fn host_prefix(
    operation: &str,
    traits: &Traits,
    input: Option<&StructPlan>,
) -> Result<Option<HostPrefix>> {
    let Some(template) = traits
        .get(trait_id::ENDPOINT)
        .and_then(|e| e.get("hostPrefix"))
        .and_then(Value::as_str)
    else {
        return Ok(None);
    };
    let problem = |what: String| {
        Error::shape(
            operation,
            format!("endpoint host prefix `{template}`: {what}"),
        )
    };
    let mut parts = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let Some(open) = rest.find('{') else {
            parts.push(HostPrefixPart::Literal(rest.to_owned()));
            break;
        };
        if open > 0 {
            parts.push(HostPrefixPart::Literal(rest[..open].to_owned()));
        }
        let close = rest[open..]
            .find('}')
            .map(|i| open + i)
            .ok_or_else(|| problem("a `{` is not closed".to_owned()))?;
        let label = &rest[open + 1..close];
        let field = input
            .and_then(|s| s.fields.iter().find(|f| f.member_name == label))
            .ok_or_else(|| problem(format!("label `{label}` is not a member of the input")))?;
        if !field.host_label || field.ty != RustType::String || field.boxed {
            return Err(problem(format!(
                "member `{label}` must be a string marked `@hostLabel`"
            )));
        }
        parts.push(HostPrefixPart::Label {
            member_name: label.to_owned(),
            field: field.name.clone(),
        });
        rest = &rest[close + 1..];
    }
    if parts
        .iter()
        .any(|p| matches!(p, HostPrefixPart::Literal(text) if text.contains('}')))
    {
        return Err(problem("a `}` is not opened".to_owned()));
    }
    Ok(Some(HostPrefix { parts }))
}

/// The empty input or output of an operation that has none in the model.
fn synthetic_struct(slot: &Slot, name: String, file_stem: String) -> StructPlan {
    StructPlan {
        shape_id: slot.shape_id.clone(),
        name,
        module: slot.module.clone(),
        file_stem,
        role: slot.role,
        error_code: None,
        doc: slot.synthetic_doc.clone(),
        deprecated: None,
        fields: Vec::new(),
    }
}

/// The input's `@idempotencyToken` member, if any, must be a string: the client fills it
/// with a generated token.
fn check_idempotency_token(operation: &str, input: &StructPlan) -> Result<()> {
    match input.fields.iter().find(|f| f.idempotency_token) {
        Some(field) if field.ty != RustType::String || field.boxed => Err(Error::shape(
            operation,
            format!(
                "idempotency token member `{}` must target a string",
                field.member_name
            ),
        )),
        _ => Ok(()),
    }
}

/// The first encoding of the `requestCompression` trait this generator can write
/// (the Smithy spec: the client uses the first supported one, in the trait's order).
fn request_compression(traits: &Traits) -> Option<Compression> {
    traits
        .get(trait_id::REQUEST_COMPRESSION)?
        .get("encodings")?
        .as_array()?
        .iter()
        .find_map(
            |encoding| match encoding.as_str()?.to_ascii_lowercase().as_str() {
                "gzip" => Some(Compression::Gzip),
                _ => None,
            },
        )
}

/// An int enum value, checked to fit an `i32`.
fn int_enum_value(n: &serde_json::Number) -> Result<i32> {
    n.as_i64()
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| Error::new(format!("intEnum value {n} does not fit a 32-bit integer")))
}

/// The member's `timestampFormat`, else the target timestamp shape's; `None` leaves it
/// to the protocol.
fn timestamp_format(member: &Traits, target: &Traits) -> Option<TimestampFormat> {
    let format = member
        .get(trait_id::TIMESTAMP_FORMAT)
        .or_else(|| target.get(trait_id::TIMESTAMP_FORMAT))
        .and_then(Value::as_str)?;
    Some(match format {
        "date-time" => TimestampFormat::DateTime,
        "http-date" => TimestampFormat::HttpDate,
        _ => TimestampFormat::EpochSeconds,
    })
}

/// How deeply lists and maps may nest inside one another.
const MAX_COLLECTION_NESTING: usize = 32;
