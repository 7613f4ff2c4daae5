//! The planner: builds the [`Plan`] for a validated model and its closure. Every type
//! gets its module, name and place in the plan's tables first (operation inputs and
//! outputs in `operation::<op>`, errors in `types::error`, the rest in `types`), then
//! members are resolved to Rust types, nullability (Smithy 2.0 client rules), boxing,
//! sensitivity, typed defaults and documentation; what the generator cannot express is
//! refused here, so that emitting never fails on a model problem.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::ast::{trait_id, Aggregate, Member, OperationShape, Shape, Traits};
use crate::model::load::Model;
use crate::model::validate::PRELUDE;
use crate::parallel;
use crate::plan::boxing::members_to_box;
use crate::plan::closure::{shape_name, Closure};
use crate::plan::docs::to_rustdoc;
use crate::plan::names::{
    deduplicate, module_name, snake_name, struct_field_names, type_name, union_field_names,
    variant_name,
};
use crate::plan::protocol::Protocol;

use super::types::*;

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
        let mut service = self.service_plan();
        if let Some(traits) = self
            .model
            .shapes
            .get(&self.closure.service)
            .map(Shape::traits)
        {
            service.endpoint_rules =
                super::endpoint_rules::of_service(&self.closure.service, traits)
                    .map_err(|e| e.with_shape(&self.closure.service))?;
        }
        let mut operations = operations;
        if let Some(rules) = &service.endpoint_rules {
            for operation in &mut operations {
                operation.endpoint_bindings =
                    self.endpoint_bindings(rules, operation, &structures)?;
            }
        }
        Ok(Plan {
            crate_name: crate_name.to_owned(),
            service,
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
            endpoint_rules: None,
            signing_name: traits
                .and_then(|t| t.get(trait_id::AWS_AUTH_SIGV4))
                .and_then(|sigv4| sigv4.get("name"))
                .and_then(Value::as_str)
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
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
            let output = io_ref(StructRole::Output)?;
            let pagination = super::pagination::of_operation(
                op_id,
                &op.traits,
                self.model
                    .shapes
                    .get(&self.closure.service)
                    .map(Shape::traits),
                input_plan,
                &structures[output.index],
                structures,
            )?;
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
                output,
                pagination,
                errors: self.operation_errors(op_id, op, structures)?,
                input,
                module,
                endpoint_bindings: Vec::new(),
            });
        }
        Ok(plans)
    }

    /// The rule parameters `operation` sets from its traits and input members.
    fn endpoint_bindings(
        &self,
        rules: &super::endpoint_rules::EndpointRules,
        operation: &OperationPlan,
        structures: &[StructPlan],
    ) -> Result<Vec<super::endpoint_rules::Binding>> {
        use super::endpoint_rules::ParamType;
        let op = self.operation(&operation.shape_id)?;
        let input = &structures[operation.input.index];
        let input_shape = self.model.shapes.get(&input.shape_id);
        let members = input.fields.iter().filter_map(|field| {
            let traits = input_shape?
                .members()
                .into_iter()
                .find(|(name, _)| *name == field.member_name)
                .map(|(_, member)| &member.traits)?;
            let ty = match field.ty {
                RustType::String => Some(ParamType::String),
                RustType::Bool => Some(ParamType::Boolean),
                _ => None,
            };
            Some((
                field.member_name.as_str(),
                field.name.as_str(),
                field.optional,
                ty,
                traits,
            ))
        });
        let mut bindings = super::endpoint_rules::operation_bindings(rules, &op.traits, members)
            .map_err(|e| e.with_shape(&operation.shape_id))?;
        let input_type = RustType::Struct(operation.input.clone());
        for (param, path) in super::endpoint_rules::operation_context_paths(rules, &op.traits)
            .map_err(|e| e.with_shape(&operation.shape_id))?
        {
            let traversal =
                super::context_path::traversal(&path, param.ty, &input_type, structures)
                    .map_err(|e| e.with_shape(&operation.shape_id))?;
            bindings.push(super::endpoint_rules::Binding::Path {
                param: param.name.clone(),
                path,
                traversal,
            });
        }
        Ok(bindings)
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
            directions: self.struct_directions(slot),
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
                let typed = crate::plan::defaults::resolve(&ty, value)?;
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
            directions: self.directions(id),
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
            directions: self.directions(id),
        })
    }

    /// Which ways the values of the shape `id` travel.
    fn directions(&self, id: &str) -> Directions {
        Directions {
            sent: self.closure.sent.contains(id),
            received: self.closure.received.contains(id),
        }
    }

    /// Which ways a structure travels: an operation's input is sent, its output
    /// received (whatever else holds their shapes: those are other types), an error
    /// received; any other structure as the shapes that reach it say.
    fn struct_directions(&self, slot: &Slot) -> Directions {
        match slot.role {
            StructRole::Input => Directions {
                sent: true,
                received: false,
            },
            StructRole::Output => Directions {
                sent: false,
                received: true,
            },
            StructRole::Error(_) => Directions {
                received: true,
                ..self.directions(&slot.shape_id)
            },
            StructRole::Data => self.directions(&slot.shape_id),
        }
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
        directions: Directions {
            sent: slot.role == StructRole::Input,
            received: slot.role == StructRole::Output,
        },
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
