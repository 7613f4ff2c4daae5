//! Property tests of the generated crate: any CopyBackupOutput the wire can express
//! serializes and reads back equal; timestamps round-trip through every wire form within
//! the range that form carries exactly; finite floats keep every bit; any string
//! round-trips through every FSx enum.

#[path = "support/wire_json.rs"]
mod wire_json;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use codegen::model::ast::Shape;
use codegen_tests::workspace;
use fsx::operation::copy_backup::CopyBackupOutput;
use fsx::primitives::{DateTime, Document, Number};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Our model of the CopyBackup closure, validated (prelude added).
fn shapes() -> &'static BTreeMap<String, Shape> {
    static SHAPES: OnceLock<BTreeMap<String, Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let model = codegen::model::load::load(&[workspace().join("model")]).expect("model loads");
        codegen::model::validate::validate(model)
            .expect("model is valid")
            .shapes
    })
}

/// How many structures deep generated values go (AdministrativeActions recurse).
const MAX_DEPTH: usize = 4;

/// Wire JSON for any value of the shape `target`: every member may be absent, lists and
/// maps hold up to three items, enums take known and unknown values, timestamps are epoch
/// seconds with milliseconds.
fn wire_value(target: &str, depth: usize) -> BoxedStrategy<Value> {
    let shape = &shapes()[target];
    match shape {
        Shape::Structure(s) => {
            let members: Vec<(String, BoxedStrategy<Value>)> = s
                .members
                .iter()
                .filter(|(_, m)| depth < MAX_DEPTH || !is_structure(&m.target))
                .map(|(name, m)| (name.to_owned(), wire_value(&m.target, depth + 1)))
                .collect();
            let optional: Vec<_> = members
                .into_iter()
                .map(|(name, value)| {
                    proptest::option::of(value).prop_map(move |v| (name.clone(), v))
                })
                .collect();
            optional
                .prop_map(|entries| {
                    let object: Map<String, Value> = entries
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, v?)))
                        .collect();
                    Value::Object(object)
                })
                .boxed()
        }
        Shape::List(l) => proptest::collection::vec(wire_value(&l.member.target, depth), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        Shape::Map(m) => proptest::collection::btree_map(
            any::<String>(),
            wire_value(&m.value.target, depth),
            0..3,
        )
        .prop_map(|entries| Value::Object(entries.into_iter().collect()))
        .boxed(),
        Shape::Enum(e) => {
            let known: Vec<Value> = e
                .members
                .iter()
                .map(|(name, m)| {
                    m.traits
                        .enum_value()
                        .cloned()
                        .unwrap_or_else(|| Value::from(name))
                })
                .collect();
            prop_oneof![
                proptest::sample::select(known),
                any::<String>().prop_map(Value::from)
            ]
            .boxed()
        }
        Shape::String(_) => any::<String>().prop_map(Value::from).boxed(),
        Shape::Boolean(_) => any::<bool>().prop_map(Value::from).boxed(),
        Shape::Integer(_) => any::<i32>().prop_map(Value::from).boxed(),
        Shape::Long(_) => any::<i64>().prop_map(Value::from).boxed(),
        Shape::Timestamp(_) => epoch_millis()
            .prop_map(|millis| {
                let time = DateTime::from_millis(millis);
                wire_json::to_value(&time).expect("a timestamp serializes")
            })
            .boxed(),
        other => panic!("{target}: no strategy for a {}", other.kind()),
    }
}

fn is_structure(target: &str) -> bool {
    matches!(shapes().get(target), Some(Shape::Structure(_)))
}

/// Milliseconds since the epoch within ±2^32 seconds (1833 to 2106): the range where an
/// `f64` of seconds still tells microseconds apart, so the wire form is exact.
fn epoch_millis() -> impl Strategy<Value = i64> {
    let bound = (1i64 << 32) * 1000;
    -bound..bound
}

/// Seconds of instants in the years 0 to 9999, which RFC 3339 and HTTP dates can write.
fn four_digit_year_secs() -> impl Strategy<Value = i64> {
    -62_167_219_200i64..253_402_300_800
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_copy_backup_output_serializes_and_reads_back_equal(
        body in wire_value("com.amazonaws.fsx#CopyBackupResponse", 0)
    ) {
        let output: CopyBackupOutput = wire_json::from_value(body.clone())
            .map_err(|e| TestCaseError::fail(format!("{e}: {body}")))?;
        let written = wire_json::to_vec(&output).expect("an output serializes");
        let again: CopyBackupOutput = wire_json::from_slice(&written).expect("reads back");
        prop_assert_eq!(&again, &output);
        // What was read was what was sent: writing it again gives the same JSON.
        let rewritten = wire_json::to_vec(&again).expect("serializes");
        prop_assert_eq!(rewritten, written);
    }

    #[test]
    fn epoch_seconds_keep_milliseconds(millis in epoch_millis()) {
        let time = DateTime::from_millis(millis);
        let json = wire_json::to_string(&time).expect("serializes");
        let back: DateTime = wire_json::from_str(&json).expect("reads back");
        prop_assert_eq!(back, time, "{}", json);
        prop_assert_eq!(back.to_millis(), Some(millis));
        prop_assert_eq!(DateTime::from_secs_f64(time.as_secs_f64()), time);
    }

    #[test]
    fn rfc3339_and_http_dates_round_trip_to_the_nanosecond(
        secs in four_digit_year_secs(),
        nanos in 0u32..1_000_000_000,
    ) {
        let time = DateTime::from_secs_and_nanos(secs, nanos);
        let text = time.to_rfc3339().expect("a four-digit year");
        prop_assert_eq!(&text, &time.to_string());
        prop_assert_eq!(DateTime::parse_rfc3339(&text), Ok(time), "{}", text);
        let date = time.to_http_date().expect("a four-digit year");
        prop_assert_eq!(DateTime::parse_http_date(&date), Ok(time), "{}", date);
    }

    #[test]
    fn timestamp_parsers_never_panic(text in ".{0,40}") {
        let _ = DateTime::parse_rfc3339(&text);
        let _ = DateTime::parse_http_date(&text);
    }

    #[test]
    fn finite_floats_keep_every_bit(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let document = Document::Number(Number::Float(x));
        let json = wire_json::to_string(&document).expect("serializes");
        let back: Document = wire_json::from_str(&json).expect("reads back");
        let value = match back {
            Document::Number(n) => n.to_f64(),
            other => return Err(TestCaseError::fail(format!("{other:?} from {json}"))),
        };
        prop_assert_eq!(value.to_bits(), x.to_bits(), "{} read back as {}", json, value);
    }

    #[test]
    fn any_string_round_trips_through_every_enum(text in any::<String>()) {
        macro_rules! check_each {
            ($($enum:ident)*) => {$(check_enum::<fsx::types::$enum>(stringify!($enum), &text)?;)*};
        }
        with_every_enum!(check_each);
    }
}

/// Calls `$then!` with the name of every enum of the FSx crate.
macro_rules! with_every_enum {
    ($then:ident) => {
        $then! {AdministrativeActionType AliasLifecycle AutoImportPolicyType AutocommitPeriodType
        BackupLifecycle BackupType DataCompressionType DataRepositoryLifecycle
        DiskIopsConfigurationMode DriveCacheType FileSystemLifecycle
        FileSystemMaintenanceOperation FileSystemType FlexCacheEndpointType
        LustreAccessAuditLogLevel LustreDeploymentType LustreReadCacheSizingMode
        MetadataConfigurationMode NetworkType OntapDeploymentType OntapVolumeType
        OpenZfsCopyStrategy OpenZfsDataCompressionType OpenZfsDeploymentType OpenZfsQuotaType
        OpenZfsReadCacheSizingMode PrivilegedDelete ResourceType RetentionPeriodType
        SecurityStyle ServiceLimit SnaplockType SnapshotLifecycle Status StorageType
        TieringPolicyName VolumeLifecycle VolumeStyle VolumeType WindowsAccessAuditLogLevel
        WindowsDeploymentType}
    };
}
use with_every_enum;

/// `From<&str>` then `as_str` and `Display` give the text back; the text is a known
/// variant exactly when `values()` lists it; the wire form is the text as a JSON string.
fn check_enum<E: EnumApi>(name: &str, text: &str) -> Result<(), TestCaseError> {
    let value = E::from(text);
    prop_assert_eq!(value.text(), text, "{}", name);
    prop_assert_eq!(value.to_string(), text, "{}", name);
    prop_assert_eq!(E::known(text), E::values_list().contains(&text), "{}", name);
    let json = value.to_json();
    prop_assert_eq!(&json, &serde_json::to_string(text).unwrap(), "{}", name);
    prop_assert_eq!(E::from_json(&json), value, "{}", name);
    Ok(())
}

/// The API every generated enum has, as a trait the test can be generic over.
trait EnumApi: for<'a> From<&'a str> + std::fmt::Display + std::fmt::Debug + PartialEq {
    fn text(&self) -> &str;
    fn values_list() -> &'static [&'static str];
    fn known(text: &str) -> bool;
    fn to_json(&self) -> String;
    fn from_json(json: &str) -> Self;
}

macro_rules! enum_api {
    ($($enum:ident)*) => {$(
        impl EnumApi for fsx::types::$enum {
            fn text(&self) -> &str {
                self.as_str()
            }
            fn values_list() -> &'static [&'static str] {
                Self::values()
            }
            fn known(text: &str) -> bool {
                Self::try_parse(text).is_ok()
            }
            fn to_json(&self) -> String {
                wire_json::to_string(self).expect("serializes")
            }
            fn from_json(json: &str) -> Self {
                wire_json::from_str(json).expect("reads back")
            }
        }
    )*};
}

with_every_enum!(enum_api);

#[test]
fn every_enum_of_the_crate_is_checked() {
    let mut generated: Vec<String> = std::fs::read_dir(workspace().join("generated/src/types"))
        .unwrap()
        .filter_map(|entry| std::fs::read_to_string(entry.unwrap().path()).ok())
        .filter_map(|text| {
            let line = text.lines().find(|l| l.starts_with("pub enum "))?;
            Some(
                line["pub enum ".len()..]
                    .split([' ', '{'])
                    .next()?
                    .to_owned(),
            )
        })
        .collect();
    generated.sort();
    macro_rules! names {
        ($($enum:ident)*) => { vec![$(stringify!($enum)),*] };
    }
    let mut checked: Vec<&str> = with_every_enum!(names);
    checked.sort();
    assert_eq!(checked, generated);
}

/// Found by `finite_floats_keep_every_bit`: serde_json's default float reader gave this
/// back one bit off, until the generated crate enabled `float_roundtrip`.
#[test]
fn the_float_that_came_back_one_bit_off() {
    let x = 1.599_376_187_157_195_5e300_f64;
    let json = wire_json::to_string(&Document::Number(Number::Float(x))).unwrap();
    let back: Document = wire_json::from_str(&json).unwrap();
    assert!(matches!(back, Document::Number(n) if n.to_f64().to_bits() == x.to_bits()));
}
