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
/// builder (`Backup::builder()`, `BackupBuilder::build()`, `Default::default()`).
const RESERVED_FIELDS: &[&str] = &["build", "builder", "default"];

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
/// (`_match_error`) where a raw identifier cannot go.
pub fn module_name(operation_name: &str) -> String {
    let name = snake_name(operation_name);
    if KEYWORDS.contains(&name.as_str()) || NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
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
            ("Builder", "builder_value"),
            ("Default", "default_value"),
        ];
        for (smithy, rust) in cases {
            assert_eq!(field_name(smithy), rust, "{smithy}");
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
