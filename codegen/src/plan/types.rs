//! The plan's types: the contract between the planner ([`planner`](super::planner)),
//! which builds them from the model, and the emitter, which only reads them. Types refer
//! to each other by [`TypeRef`] (an index the planner assigned); defaults and enum values
//! are typed; every name that goes on the wire is the model's.

use crate::model::ast::ErrorFault;
use crate::plan::closure::shape_name;
pub use crate::plan::defaults::DefaultValue;
use crate::plan::protocol::Protocol;

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
    /// The service's endpoint rules (`smithy.rules#endpointRuleSet`), if it has them.
    pub endpoint_rules: Option<crate::plan::endpoint_rules::EndpointRules>,
    /// The name requests are signed with (SigV4), from the `aws.auth#sigv4` trait's
    /// `name`; `None` for a service without it, whose crate then has no `sigv4` feature.
    pub signing_name: Option<String>,
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

/// Which ways a type's values travel: in requests (it needs a serializer), in responses
/// (a deserializer), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Directions {
    pub sent: bool,
    pub received: bool,
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
    pub directions: Directions,
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
    pub directions: Directions,
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
    pub directions: Directions,
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
    /// The rule parameters the operation sets (`staticContextParams`, `contextParam`
    /// members), for a service with endpoint rules.
    pub endpoint_bindings: Vec<crate::plan::endpoint_rules::Binding>,
    /// The `paginated` trait's members, for a paginated operation.
    pub pagination: Option<Pagination>,
}

/// How a paginated operation pages: the input fields it sets and the output fields it
/// reads (Rust field names, checked to exist and to have the types the trait requires).
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// The input's field that takes the token.
    pub input_token: String,
    /// The path to the output's field with the next token.
    pub output_token: Vec<PathStep>,
    /// Whether the tokens are maps (DynamoDB's `ExclusiveStartKey`), not strings: Smithy
    /// allows both.
    pub map_token: bool,
    /// The path to the output's list or map of items, and its type.
    pub items: Option<(Vec<PathStep>, RustType)>,
    /// The input's integer field that sets the page size, and its type.
    pub page_size: Option<(String, RustType)>,
}

/// One field on a path through nested structures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathStep {
    pub field: String,
    pub optional: bool,
    pub boxed: bool,
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
