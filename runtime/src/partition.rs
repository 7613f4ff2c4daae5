//! AWS partitions for the rules function `aws.partition`: each partition's DNS suffixes,
//! what it supports, its known regions and the pattern its region names follow.
//!
//! Written from AWS's public documentation of its partitions (commercial, China,
//! GovCloud, the isolated ISO partitions and the European Sovereign Cloud); a region
//! not listed falls to the first partition whose pattern it matches, else to `aws`, as
//! the rules engine specifies.

use crate::endpoint_rules::Value;

/// One partition.
#[derive(Debug)]
pub struct Partition {
    /// `aws`, `aws-cn`, ...
    pub name: &'static str,
    /// The region pattern as the partitions data writes it (for display); matching is
    /// [`region_prefixes`](Self::region_prefixes) followed by `-<word>-<digits>`.
    pub region_regex: &'static str,
    /// The prefixes of `region_regex`'s alternation (`us`, `eu`, ...; `us-gov`).
    pub region_prefixes: &'static [&'static str],
    /// The known regions (global pseudo-regions included).
    pub regions: &'static [&'static str],
    /// The DNS suffix of its endpoints (`amazonaws.com`).
    pub dns_suffix: &'static str,
    /// The DNS suffix of its dual-stack (IPv4 and IPv6) endpoints (`api.aws`).
    pub dual_stack_dns_suffix: &'static str,
    /// Whether it has FIPS endpoints.
    pub supports_fips: bool,
    /// Whether it has dual-stack endpoints.
    pub supports_dual_stack: bool,
    /// The region that global services of the partition are signed for.
    pub implicit_global_region: &'static str,
}

/// Every partition, in the order patterns are tried.
pub static PARTITIONS: &[Partition] = &[
    Partition {
        name: "aws",
        region_regex: r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
        region_prefixes: &["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"],
        regions: &[
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
            "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        ],
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-east-1",
    },
    Partition {
        name: "aws-cn",
        region_regex: r"^cn\-\w+\-\d+$",
        region_prefixes: &["cn"],
        regions: &["aws-cn-global", "cn-north-1", "cn-northwest-1"],
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "cn-northwest-1",
    },
    Partition {
        name: "aws-us-gov",
        region_regex: r"^us\-gov\-\w+\-\d+$",
        region_prefixes: &["us-gov"],
        regions: &["aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"],
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-gov-west-1",
    },
    Partition {
        name: "aws-iso",
        region_regex: r"^us\-iso\-\w+\-\d+$",
        region_prefixes: &["us-iso"],
        regions: &["aws-iso-global", "us-iso-east-1", "us-iso-west-1"],
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "api.aws.ic.gov",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-iso-east-1",
    },
    Partition {
        name: "aws-iso-b",
        region_regex: r"^us\-isob\-\w+\-\d+$",
        region_prefixes: &["us-isob"],
        regions: &["aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"],
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "api.aws.scloud",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-isob-east-1",
    },
    Partition {
        name: "aws-iso-e",
        region_regex: r"^eu\-isoe\-\w+\-\d+$",
        region_prefixes: &["eu-isoe"],
        regions: &["aws-iso-e-global", "eu-isoe-west-1"],
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "api.cloud-aws.adc-e.uk",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "eu-isoe-west-1",
    },
    Partition {
        name: "aws-iso-f",
        region_regex: r"^us\-isof\-\w+\-\d+$",
        region_prefixes: &["us-isof"],
        regions: &["aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"],
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "api.aws.hci.ic.gov",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-isof-south-1",
    },
    Partition {
        name: "aws-eusc",
        region_regex: r"^eusc\-(de)\-\w+\-\d+$",
        region_prefixes: &["eusc-de"],
        regions: &["eusc-de-east-1"],
        dns_suffix: "amazonaws.eu",
        dual_stack_dns_suffix: "api.amazonwebservices.eu",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "eusc-de-east-1",
    },
];

impl Partition {
    /// Whether `region` follows this partition's pattern: a prefix, `-`, a word, `-`,
    /// digits (`us-gov-west-1` is not `us-<word>-<digits>`: the word stops at `-`).
    pub fn matches(&self, region: &str) -> bool {
        self.region_prefixes.iter().any(|prefix| {
            region
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|rest| rest.split_once('-'))
                .is_some_and(|(word, digits)| {
                    !word.is_empty()
                        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                        && !digits.is_empty()
                        && digits.bytes().all(|b| b.is_ascii_digit())
                })
        })
    }

    /// The partition as the rules see it: a record of `name`, `dnsSuffix`,
    /// `dualStackDnsSuffix`, `supportsFIPS`, `supportsDualStack`, `implicitGlobalRegion`.
    pub fn to_value(&self) -> Value {
        let fields = [
            ("name", Value::from(self.name)),
            ("dnsSuffix", Value::from(self.dns_suffix)),
            ("dualStackDnsSuffix", Value::from(self.dual_stack_dns_suffix)),
            ("supportsFIPS", Value::Bool(self.supports_fips)),
            ("supportsDualStack", Value::Bool(self.supports_dual_stack)),
            ("implicitGlobalRegion", Value::from(self.implicit_global_region)),
        ];
        Value::record(fields)
    }
}

/// The partition of `region`: the one listing it, else the first whose pattern it
/// matches, else `aws`.
pub fn partition_of(region: &str) -> &'static Partition {
    PARTITIONS
        .iter()
        .find(|p| p.regions.contains(&region))
        .or_else(|| PARTITIONS.iter().find(|p| p.matches(region)))
        .unwrap_or(&PARTITIONS[0])
}

/// `aws.partition(region)`: the partition record; `None` for an empty region.
pub fn partition(region: &str) -> Option<Value> {
    (!region.is_empty()).then(|| partition_of(region).to_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_regions_find_their_partition() {
        assert_eq!(partition_of("us-east-1").name, "aws");
        assert_eq!(partition_of("aws-global").name, "aws");
        assert_eq!(partition_of("cn-north-1").name, "aws-cn");
        assert_eq!(partition_of("us-gov-west-1").name, "aws-us-gov");
        assert_eq!(partition_of("us-iso-east-1").name, "aws-iso");
        assert_eq!(partition_of("us-isob-east-1").name, "aws-iso-b");
        assert_eq!(partition_of("eu-isoe-west-1").name, "aws-iso-e");
        assert_eq!(partition_of("us-isof-south-1").name, "aws-iso-f");
        assert_eq!(partition_of("eusc-de-east-1").name, "aws-eusc");
    }

    #[test]
    fn unlisted_regions_go_by_pattern_else_to_aws() {
        assert_eq!(partition_of("us-gov-north-9").name, "aws-us-gov");
        assert_eq!(partition_of("cn-south-7").name, "aws-cn");
        assert_eq!(partition_of("eu-future-3").name, "aws");
        assert_eq!(partition_of("us-isof-west-2").name, "aws-iso-f");
        assert_eq!(partition_of("mars-east-1").name, "aws");
        assert_eq!(partition_of("not a region!").name, "aws");
        assert!(partition("").is_none());
    }

    #[test]
    fn patterns_need_a_word_and_digits() {
        let aws = &PARTITIONS[0];
        assert!(aws.matches("us-west-2"));
        assert!(!aws.matches("us-gov-west-1"));
        assert!(!aws.matches("us-west"));
        assert!(!aws.matches("us--1"));
        assert!(!aws.matches("us-west-x"));
    }

    #[test]
    fn the_record_has_the_rules_field_names() {
        let value = partition("cn-north-1").unwrap();
        assert_eq!(value.get("dnsSuffix"), Some(&Value::from("amazonaws.com.cn")));
        assert_eq!(value.get("supportsFIPS"), Some(&Value::Bool(true)));
        assert_eq!(value.get("implicitGlobalRegion"), Some(&Value::from("cn-northwest-1")));
    }

    #[test]
    fn every_listed_region_matches_its_own_pattern_or_is_global() {
        for p in PARTITIONS {
            for region in p.regions {
                assert!(p.matches(region) || region.ends_with("global"), "{}: {region}", p.name);
            }
        }
    }
}
