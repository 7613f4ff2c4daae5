//! The typed Smithy JSON AST: one serde type per construct of a model file.
//!
//! Shapes are a tagged enum over every Smithy shape kind, so an unknown `type` is a load
//! error while a known-but-unsupported kind loads and is rejected later, with its shape ID,
//! only if the generator actually needs it. Traits stay raw JSON behind typed getters
//! ([`Traits`]); `validate` checks the ones we read before anything reads them.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// The Smithy IDL versions whose JSON AST this loader understands.
pub const SUPPORTED_SMITHY_VERSIONS: &[&str] = &["2", "2.0"];

/// One model file: `{"smithy": "2.0", "metadata": {..}, "shapes": {..}}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    pub smithy: String,
    #[serde(default)]
    pub metadata: Option<Value>,
    #[serde(default)]
    pub shapes: OrderedMap<Shape>,
}

/// A JSON object whose key order is kept and whose keys must be unique.
///
/// serde_json's own maps silently keep the last of two equal keys; in a model that
/// hides a mistake (two members with one name), so duplicates are an error here.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UniqueKeys<V>(std::marker::PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
            type Value = OrderedMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, V)> = Vec::new();
                // Seen keys in an ordered set: a model can have a hundred thousand shapes, and a
                // scan of `entries` per key would be quadratic.
                let mut seen: BTreeSet<String> = BTreeSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate key `{key}`"
                        )));
                    }
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(OrderedMap(entries))
            }
        }

        deserializer.deserialize_map(UniqueKeys(std::marker::PhantomData))
    }
}

/// A reference to another shape: `{"target": "ns#Name"}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub target: String,
}

/// A member of a structure, union, enum, list or map.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub target: String,
    #[serde(default)]
    pub traits: Traits,
}

/// Shapes that only carry traits (every simple kind).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Simple {
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// Structures, unions, enums and intEnums: named members.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    #[serde(default)]
    pub members: OrderedMap<Member>,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// `list` (and the deprecated `set`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListShape {
    pub member: Member,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// `map`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapShape {
    pub key: Member,
    pub value: Member,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// `operation`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationShape {
    #[serde(default)]
    pub input: Option<Target>,
    #[serde(default)]
    pub output: Option<Target>,
    #[serde(default)]
    pub errors: Vec<Target>,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// `service`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceShape {
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub operations: Vec<Target>,
    #[serde(default)]
    pub resources: Vec<Target>,
    #[serde(default)]
    pub errors: Vec<Target>,
    #[serde(default)]
    pub rename: Option<Value>,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

/// `resource`: loaded so real models load; its lifecycle operations count as the
/// service's operations.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceShape {
    #[serde(default)]
    pub identifiers: Option<Value>,
    #[serde(default)]
    pub properties: Option<Value>,
    #[serde(default)]
    pub create: Option<Target>,
    #[serde(default)]
    pub put: Option<Target>,
    #[serde(default)]
    pub read: Option<Target>,
    #[serde(default)]
    pub update: Option<Target>,
    #[serde(default)]
    pub delete: Option<Target>,
    #[serde(default)]
    pub list: Option<Target>,
    #[serde(default)]
    pub operations: Vec<Target>,
    #[serde(default)]
    pub collection_operations: Vec<Target>,
    #[serde(default)]
    pub resources: Vec<Target>,
    #[serde(default)]
    pub traits: Traits,
    #[serde(default)]
    pub mixins: Vec<Target>,
}

impl ResourceShape {
    /// Every operation bound to the resource, in a stable order.
    pub fn all_operations(&self) -> impl Iterator<Item = &Target> {
        [
            &self.create,
            &self.put,
            &self.read,
            &self.update,
            &self.delete,
            &self.list,
        ]
        .into_iter()
        .flatten()
        .chain(&self.operations)
        .chain(&self.collection_operations)
    }
}

/// Every shape kind of Smithy 2.0, tagged by the JSON `type` field.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Shape {
    Blob(Simple),
    Boolean(Simple),
    String(Simple),
    Byte(Simple),
    Short(Simple),
    Integer(Simple),
    Long(Simple),
    Float(Simple),
    Double(Simple),
    BigInteger(Simple),
    BigDecimal(Simple),
    Timestamp(Simple),
    Document(Simple),
    Enum(Aggregate),
    IntEnum(Aggregate),
    List(ListShape),
    Set(ListShape),
    Map(MapShape),
    Structure(Aggregate),
    Union(Aggregate),
    Operation(OperationShape),
    Service(ServiceShape),
    Resource(ResourceShape),
}

impl Shape {
    /// The kind as Smithy spells it (`"structure"`, `"intEnum"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Shape::Blob(_) => "blob",
            Shape::Boolean(_) => "boolean",
            Shape::String(_) => "string",
            Shape::Byte(_) => "byte",
            Shape::Short(_) => "short",
            Shape::Integer(_) => "integer",
            Shape::Long(_) => "long",
            Shape::Float(_) => "float",
            Shape::Double(_) => "double",
            Shape::BigInteger(_) => "bigInteger",
            Shape::BigDecimal(_) => "bigDecimal",
            Shape::Timestamp(_) => "timestamp",
            Shape::Document(_) => "document",
            Shape::Enum(_) => "enum",
            Shape::IntEnum(_) => "intEnum",
            Shape::List(_) => "list",
            Shape::Set(_) => "set",
            Shape::Map(_) => "map",
            Shape::Structure(_) => "structure",
            Shape::Union(_) => "union",
            Shape::Operation(_) => "operation",
            Shape::Service(_) => "service",
            Shape::Resource(_) => "resource",
        }
    }

    /// The kind with its article, for messages: `a structure`, `an operation`.
    pub fn a_kind(&self) -> String {
        let kind = self.kind();
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {kind}")
    }

    pub fn traits(&self) -> &Traits {
        self.traits_and_mixins().0
    }

    pub fn mixins(&self) -> &[Target] {
        self.traits_and_mixins().1
    }

    /// The two parts every shape kind has, to change them (mixins are applied in place).
    pub fn traits_and_mixins_mut(&mut self) -> (&mut Traits, &mut Vec<Target>) {
        match self {
            Shape::Blob(s)
            | Shape::Boolean(s)
            | Shape::String(s)
            | Shape::Byte(s)
            | Shape::Short(s)
            | Shape::Integer(s)
            | Shape::Long(s)
            | Shape::Float(s)
            | Shape::Double(s)
            | Shape::BigInteger(s)
            | Shape::BigDecimal(s)
            | Shape::Timestamp(s)
            | Shape::Document(s) => (&mut s.traits, &mut s.mixins),
            Shape::Enum(a) | Shape::IntEnum(a) | Shape::Structure(a) | Shape::Union(a) => {
                (&mut a.traits, &mut a.mixins)
            }
            Shape::List(l) | Shape::Set(l) => (&mut l.traits, &mut l.mixins),
            Shape::Map(m) => (&mut m.traits, &mut m.mixins),
            Shape::Operation(o) => (&mut o.traits, &mut o.mixins),
            Shape::Service(s) => (&mut s.traits, &mut s.mixins),
            Shape::Resource(r) => (&mut r.traits, &mut r.mixins),
        }
    }

    /// The two parts every shape kind has.
    fn traits_and_mixins(&self) -> (&Traits, &[Target]) {
        match self {
            Shape::Blob(s)
            | Shape::Boolean(s)
            | Shape::String(s)
            | Shape::Byte(s)
            | Shape::Short(s)
            | Shape::Integer(s)
            | Shape::Long(s)
            | Shape::Float(s)
            | Shape::Double(s)
            | Shape::BigInteger(s)
            | Shape::BigDecimal(s)
            | Shape::Timestamp(s)
            | Shape::Document(s) => (&s.traits, &s.mixins),
            Shape::Enum(a) | Shape::IntEnum(a) | Shape::Structure(a) | Shape::Union(a) => {
                (&a.traits, &a.mixins)
            }
            Shape::List(l) | Shape::Set(l) => (&l.traits, &l.mixins),
            Shape::Map(m) => (&m.traits, &m.mixins),
            Shape::Operation(o) => (&o.traits, &o.mixins),
            Shape::Service(s) => (&s.traits, &s.mixins),
            Shape::Resource(r) => (&r.traits, &r.mixins),
        }
    }

    /// Every member with its name, in model order (`member`, `key`, `value` for
    /// collections).
    pub fn members(&self) -> Vec<(&str, &Member)> {
        match self {
            Shape::Enum(a) | Shape::IntEnum(a) | Shape::Structure(a) | Shape::Union(a) => {
                a.members.iter().collect()
            }
            Shape::List(l) | Shape::Set(l) => vec![("member", &l.member)],
            Shape::Map(m) => vec![("key", &m.key), ("value", &m.value)],
            _ => Vec::new(),
        }
    }
}

/// Trait values as raw JSON keyed by absolute trait ID, with typed getters for the
/// traits the generator reads.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Traits(pub OrderedMap<Value>);

/// Trait IDs the generator reads.
pub mod trait_id {
    pub const DOCUMENTATION: &str = "smithy.api#documentation";
    pub const REQUIRED: &str = "smithy.api#required";
    pub const CLIENT_OPTIONAL: &str = "smithy.api#clientOptional";
    pub const DEFAULT: &str = "smithy.api#default";
    pub const SENSITIVE: &str = "smithy.api#sensitive";
    pub const ENUM_VALUE: &str = "smithy.api#enumValue";
    pub const ERROR: &str = "smithy.api#error";
    pub const INPUT: &str = "smithy.api#input";
    pub const OUTPUT: &str = "smithy.api#output";
    pub const IDEMPOTENCY_TOKEN: &str = "smithy.api#idempotencyToken";
    pub const DEPRECATED: &str = "smithy.api#deprecated";
    pub const JSON_NAME: &str = "smithy.api#jsonName";
    pub const TIMESTAMP_FORMAT: &str = "smithy.api#timestampFormat";
    pub const SPARSE: &str = "smithy.api#sparse";
    pub const STREAMING: &str = "smithy.api#streaming";
    pub const TITLE: &str = "smithy.api#title";
    pub const AWS_JSON_1_0: &str = "aws.protocols#awsJson1_0";
    pub const AWS_JSON_1_1: &str = "aws.protocols#awsJson1_1";
    pub const ENDPOINT: &str = "smithy.api#endpoint";
    pub const HOST_LABEL: &str = "smithy.api#hostLabel";
    pub const REQUEST_COMPRESSION: &str = "smithy.api#requestCompression";
    pub const AWS_API_SERVICE: &str = "aws.api#service";
    pub const AWS_AUTH_SIGV4: &str = "aws.auth#sigv4";
}

/// Whether an error is the caller's fault or the service's (the `error` trait's value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorFault {
    Client,
    Server,
}

impl Traits {
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.0.get(id)
    }

    pub fn has(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter()
    }

    pub fn doc(&self) -> Option<&str> {
        self.get(trait_id::DOCUMENTATION).and_then(Value::as_str)
    }

    pub fn is_required(&self) -> bool {
        self.has(trait_id::REQUIRED)
    }

    pub fn is_client_optional(&self) -> bool {
        self.has(trait_id::CLIENT_OPTIONAL)
    }

    pub fn is_sensitive(&self) -> bool {
        self.has(trait_id::SENSITIVE)
    }

    pub fn is_idempotency_token(&self) -> bool {
        self.has(trait_id::IDEMPOTENCY_TOKEN)
    }

    pub fn is_input(&self) -> bool {
        self.has(trait_id::INPUT)
    }

    pub fn is_sparse(&self) -> bool {
        self.has(trait_id::SPARSE)
    }

    /// The `default` trait's value; `None` when absent or explicitly `null`.
    pub fn default_value(&self) -> Option<&Value> {
        self.get(trait_id::DEFAULT).filter(|v| !v.is_null())
    }

    pub fn enum_value(&self) -> Option<&Value> {
        self.get(trait_id::ENUM_VALUE)
    }

    pub fn error(&self) -> Option<ErrorFault> {
        match self.get(trait_id::ERROR).and_then(Value::as_str) {
            Some("client") => Some(ErrorFault::Client),
            Some("server") => Some(ErrorFault::Server),
            _ => None,
        }
    }

    /// The deprecation message, `Some("")` when deprecated without one.
    pub fn deprecated(&self) -> Option<String> {
        let value = self.get(trait_id::DEPRECATED)?;
        let message = value.get("message").and_then(Value::as_str).unwrap_or("");
        let since = value.get("since").and_then(Value::as_str);
        Some(match since {
            Some(since) if message.is_empty() => format!("since {since}"),
            Some(since) => format!("{message} (since {since})"),
            None => message.to_owned(),
        })
    }
}
