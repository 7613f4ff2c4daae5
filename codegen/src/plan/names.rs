//! Rust names for Smithy names: case conversion with heck, keyword escaping, the
//! generator's own reserved names, and collision suffixes that do not depend on the order
//! members were added to the model.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict, reserved, 2018+ and 2024 editions).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Struct field names that clash with methods the generator emits on the struct or its
/// builder (`Backup::builder()`, `BackupBuilder::build()`), or that would shadow, in
/// method-call syntax, a method of a trait every generated type implements (`Clone`,
/// `PartialEq`, `Debug`, the builder's `Default`): an accessor `clone(&self)` would make
/// `value.clone()` return the member. `send`, `send_with`, `as_input` and `into_paginator`
/// are the methods of an operation's input and fluent builder. smithy-rs renames `build`, `builder` and `default`
/// the same way (`StructureGenerator`'s member name map: `default` -> `default_value`).
const RESERVED_FIELDS: &[&str] = &[
    "build",
    "builder",
    "send",
    "send_with",
    "as_input",
    "into_paginator",
    "default",
    "clone",
    "clone_from",
    "eq",
    "ne",
    "fmt",
];

/// Method names of std traits that clippy's `should_implement_trait` expects to be trait
/// implementations (its table of trait methods, plus `partial_cmp`): an accessor or
/// setter generated under one of these names is allowed that lint rather than renamed,
/// so that the name stays the one the AWS SDKs use.
const STD_TRAIT_METHODS: &[&str] = &[
    "add",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "borrow",
    "borrow_mut",
    "clone",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "eq",
    "from_iter",
    "from_str",
    "hash",
    "index",
    "index_mut",
    "into_iter",
    "mul",
    "neg",
    "next",
    "not",
    "partial_cmp",
    "rem",
    "shl",
    "shr",
    "sub",
];

/// Whether a generated method named `name` (raw prefix ignored) may trip clippy's
/// `should_implement_trait`.
pub fn is_std_trait_method(name: &str) -> bool {
    STD_TRAIT_METHODS.contains(&unraw(name))
}

/// Enum variant names the generator uses itself.
const RESERVED_VARIANTS: &[&str] = &["Unknown"];

/// Words written with mixed case that are still one word (`GiB`, `IPv6`), as the AWS
/// SDKs treat them: `SizeGiB` is `size_gib`, not `size_gi_b`.
const MIXED_CASE_WORDS: &[&str] = &["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "tib", "ttl"];

/// Rewrites each mixed-case word that starts at a word boundary as `Capitalized`, so
/// heck splits around it rather than inside it.
fn join_mixed_case_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while !rest.is_empty() {
        let at_boundary = out.is_empty() || rest.starts_with(|c: char| c.is_ascii_uppercase());
        let word = MIXED_CASE_WORDS.iter().find(|w| {
            rest.len() >= w.len()
                && rest.is_char_boundary(w.len())
                && rest[..w.len()].eq_ignore_ascii_case(w)
                && !rest[w.len()..].starts_with(|c: char| c.is_ascii_lowercase())
        });
        match word {
            Some(word) if at_boundary => {
                out.push_str(&word[..1].to_ascii_uppercase());
                out.push_str(&word[1..]);
                rest = &rest[word.len()..];
            }
            _ => {
                let c = rest.chars().next().unwrap_or_default();
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// `UpperCamelCase` name of a type for a Smithy shape name.
pub fn type_name(shape_name: &str) -> String {
    let name = join_mixed_case_words(shape_name).to_upper_camel_case();
    let name = if name.is_empty() {
        "Shape".to_owned()
    } else {
        name
    };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Shape{name}")
    } else if name == "Self" {
        "SelfValue".to_owned()
    } else {
        name
    }
}

/// `snake_case` name of a module or function for a Smithy name (no escaping).
pub fn snake_name(name: &str) -> String {
    join_mixed_case_words(name).to_snake_case()
}

/// A module name for an operation: snake_case, a keyword suffixed with `_` (`match_`,
/// `self_`), since module names also name files and `format!`-built identifiers
/// (`_match_error`) where a raw identifier cannot go. The module also names the
/// operation's `Client` method, so the client's own methods (`new`, `transport`,
/// `with_*`, `from_*`, the std traits it implements) are reserved: an operation called
/// `New` or `WithEndpoint` gets `new_operation`, `with_endpoint_operation`.
pub fn module_name(operation_name: &str) -> String {
    let name = snake_name(operation_name);
    if KEYWORDS.contains(&name.as_str()) || NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if is_client_method(&name) {
        format!("{name}_operation")
    } else {
        name
    }
}

/// Names the generated `Client` keeps for itself, now or as it grows: constructors,
/// settings (`with_*`), accessors and the methods of the std traits it implements.
fn is_client_method(name: &str) -> bool {
    const CLIENT_METHODS: &[&str] = &[
        "new",
        "transport",
        "clone",
        "clone_from",
        "fmt",
        "config",
        "endpoint_params",
    ];
    CLIENT_METHODS.contains(&name) || name.starts_with("with_") || name.starts_with("from_")
}

/// A struct field name for a member: snake_case, keywords escaped, reserved names renamed.
pub fn field_name(member_name: &str) -> String {
    let name = snake_name(member_name);
    let name = if name.is_empty() {
        "member".to_owned()
    } else {
        name
    };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("member_{name}")
    } else if RESERVED_FIELDS.contains(&name.as_str()) {
        format!("{name}_value")
    } else {
        escape_keyword(&name)
    }
}

/// An enum variant name for an enum member name.
pub fn variant_name(member_name: &str) -> String {
    let name = type_name(member_name);
    if RESERVED_VARIANTS.contains(&name.as_str()) {
        format!("{name}Value")
    } else {
        name
    }
}

/// The struct field names for a structure's members, in member order: [`field_name`],
/// made unique with [`deduplicate`], then no field may be named like another's builder
/// setter or getter (`set_foo`, `get_foo` for a field `foo`): such a field becomes
/// `set_foo_value`, and names are made unique again.
pub fn struct_field_names(members: &[&str]) -> Vec<String> {
    let entries: Vec<(String, String)> = members
        .iter()
        .map(|member| ((*member).to_owned(), field_name(member)))
        .collect();
    let mut names = deduplicate(&entries, "_");
    // A renamed field can be another's setter in turn (`set_foo_value` when there is a
    // `foo_value`): repeat until none is; each round lengthens a name, so it ends.
    for _ in 0..=members.len() {
        let bare: BTreeSet<&str> = names.iter().map(|name| unraw(name)).collect();
        let clashes = |name: &str| {
            ["set_", "get_"].iter().any(|prefix| {
                name.strip_prefix(prefix)
                    .is_some_and(|rest| bare.contains(rest))
            })
        };
        if !names.iter().any(|name| clashes(unraw(name))) {
            break;
        }
        let renamed: Vec<(String, String)> = members
            .iter()
            .zip(&names)
            .map(|(member, name)| {
                let name = if clashes(unraw(name)) {
                    format!("{}_value", unraw(name))
                } else {
                    name.clone()
                };
                ((*member).to_owned(), name)
            })
            .collect();
        names = deduplicate(&renamed, "_");
    }
    names
}

/// The field names of a union's members, which name its `as_<field>()` and
/// `is_<field>()` accessors: like [`field_name`], unique, and `unknown_value` for a
/// member named `Unknown`, whose accessors would clash with those of the `Unknown`
/// variant every union has (smithy-rs renames such a member `UnknownValue`).
pub fn union_field_names(members: &[&str]) -> Vec<String> {
    let entries: Vec<(String, String)> = members
        .iter()
        .map(|member| {
            let name = field_name(member);
            let name = if name == "unknown" {
                "unknown_value".to_owned()
            } else {
                name
            };
            ((*member).to_owned(), name)
        })
        .collect();
    deduplicate(&entries, "_")
}

/// `r#type` for keywords that may be raw, `self_` for those that may not.
pub fn escape_keyword(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// The name without a raw-identifier prefix (`r#type` -> `type`), for composing
/// `set_type`, `get_type`.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Makes candidate names unique. Each entry is `(original Smithy name, candidate)`.
/// Among entries sharing a candidate, the one with the smallest original name keeps it;
/// the others get `joiner` + 2, 3, ... in the order of their original names, so the result
/// does not depend on the order of the input.
pub fn deduplicate(entries: &[(String, String)], joiner: &str) -> Vec<String> {
    let mut groups: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (original, candidate) in entries {
        groups.entry(candidate).or_default().insert(original);
    }
    let mut taken: BTreeSet<String> = groups.keys().map(|k| (*k).to_owned()).collect();
    let mut renamed: BTreeMap<&str, String> = BTreeMap::new();
    for (candidate, originals) in &groups {
        for (index, original) in originals.iter().enumerate().skip(1) {
            let mut n = index + 1;
            let base = unraw(candidate);
            let mut name = format!("{base}{joiner}{n}");
            while taken.contains(&name) {
                n += 1;
                name = format!("{base}{joiner}{n}");
            }
            taken.insert(name.clone());
            renamed.insert(original, name);
        }
    }
    entries
        .iter()
        .map(|(original, candidate)| {
            renamed
                .get(original.as_str())
                .cloned()
                .unwrap_or_else(|| candidate.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names() {
        let cases = [
            ("BackupId", "backup_id"),
            ("ResourceARN", "resource_arn"),
            ("DNSName", "dns_name"),
            ("OpenZFSConfiguration", "open_zfs_configuration"),
            ("HAPairs", "ha_pairs"),
            (
                "ThroughputCapacityPerHAPair",
                "throughput_capacity_per_ha_pair",
            ),
            ("SizeGiB", "size_gib"),
            (
                "StorageCapacityReservationGiB",
                "storage_capacity_reservation_gib",
            ),
            ("RecordSizeKiB", "record_size_kib"),
            ("Ipv6AddressRange", "ipv6_address_range"),
            ("IPv6Address", "ipv6_address"),
            ("Gibberish", "gibberish"),
            ("TtlSeconds", "ttl_seconds"),
            ("UUID", "uuid"),
            ("Type", "r#type"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("Match", "r#match"),
            ("build", "build_value"),
            ("Send", "send_value"),
            ("SendWith", "send_with_value"),
            ("IntoPaginator", "into_paginator_value"),
            ("Builder", "builder_value"),
            ("Default", "default_value"),
        ];
        for (smithy, rust) in cases {
            assert_eq!(field_name(smithy), rust, "{smithy}");
        }
    }

    #[test]
    fn module_names_never_take_the_client_s_own_methods() {
        for (operation, module) in [
            ("New", "new_operation"),
            ("WithEndpoint", "with_endpoint_operation"),
            ("FromEnv", "from_env_operation"),
            ("Transport", "transport_operation"),
            ("Clone", "clone_operation"),
            ("Newer", "newer"),
            ("Without", "without"),
        ] {
            assert_eq!(module_name(operation), module, "{operation}");
        }
    }

    #[test]
    fn module_names_are_never_keywords() {
        let cases = [
            ("CopyBackup", "copy_backup"),
            ("Match", "match_"),
            ("Self", "self_"),
            ("Crate", "crate_"),
            ("Type", "type_"),
            ("Matches", "matches"),
        ];
        for (smithy, rust) in cases {
            assert_eq!(module_name(smithy), rust, "{smithy}");
        }
    }

    #[test]
    fn type_and_variant_names() {
        let types = [
            ("Backup", "Backup"),
            ("OpenZFSVolumeConfiguration", "OpenZfsVolumeConfiguration"),
            ("Self", "SelfValue"),
            ("DNSName", "DnsName"),
        ];
        for (smithy, rust) in types {
            assert_eq!(type_name(smithy), rust, "{smithy}");
        }
        let variants = [
            ("SINGLE_AZ_1", "SingleAz1"),
            ("NEW_CHANGED_DELETED", "NewChangedDeleted"),
            ("Unknown", "UnknownValue"),
            ("UNKNOWN", "UnknownValue"),
            ("Self", "SelfValue"),
            ("_1GB", "Shape1gb"),
        ];
        for (smithy, rust) in variants {
            assert_eq!(variant_name(smithy), rust, "{smithy}");
        }
    }

    #[test]
    fn struct_field_names_keep_builder_methods_unique() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["Foo", "SetFoo"], &["foo", "set_foo_value"]),
            (&["Foo", "GetFoo"], &["foo", "get_foo_value"]),
            (
                &["GetFoo", "Foo", "SetFoo"],
                &["get_foo_value", "foo", "set_foo_value"],
            ),
            (&["SetFoo"], &["set_foo"]),
            (&["Type", "SetType"], &["r#type", "set_type_value"]),
            (
                &["Foo", "SetFoo", "SetFooValue"],
                &["foo", "set_foo_value", "set_foo_value_2"],
            ),
            (
                &["Foo", "SetFoo", "FooValue"],
                &["foo", "set_foo_value_value", "foo_value"],
            ),
            (
                &["Clone", "Eq", "Fmt"],
                &["clone_value", "eq_value", "fmt_value"],
            ),
            (&["Add", "Next"], &["add", "next"]),
        ];
        for (members, expected) in cases {
            assert_eq!(&struct_field_names(members), expected, "{members:?}");
        }
    }

    #[test]
    fn union_field_names_leave_the_unknown_accessors_alone() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["Unknown", "Other"], &["unknown_value", "other"]),
            (&["unknown"], &["unknown_value"]),
            (&["foo", "Foo"], &["foo_2", "foo"]),
            (&["Ref"], &["r#ref"]),
        ];
        for (members, expected) in cases {
            assert_eq!(&union_field_names(members), expected, "{members:?}");
        }
    }

    #[test]
    fn std_trait_method_names() {
        let cases = [
            ("add", true),
            ("from_str", true),
            ("into_iter", true),
            ("r#ref", false),
            ("as_ref", true),
            ("next", true),
            ("adds", false),
            ("set_add", false),
        ];
        for (name, trips) in cases {
            assert_eq!(is_std_trait_method(name), trips, "{name}");
        }
    }

    #[test]
    fn deduplicate_is_independent_of_order() {
        let a = vec![
            ("fooBar".to_owned(), "foo_bar".to_owned()),
            ("FooBar".to_owned(), "foo_bar".to_owned()),
            ("Other".to_owned(), "other".to_owned()),
        ];
        let mut b = a.clone();
        b.reverse();
        let names_a = deduplicate(&a, "_");
        let names_b = deduplicate(&b, "_");
        assert_eq!(names_a, ["foo_bar_2", "foo_bar", "other"]);
        assert_eq!(names_b, ["other", "foo_bar", "foo_bar_2"]);
    }

    #[test]
    fn deduplicate_skips_taken_suffixes() {
        let entries = vec![
            ("A".to_owned(), "x".to_owned()),
            ("B".to_owned(), "x".to_owned()),
            ("C".to_owned(), "x_2".to_owned()),
        ];
        assert_eq!(deduplicate(&entries, "_"), ["x", "x_3", "x_2"]);
    }
}
