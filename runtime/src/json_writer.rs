//! A JSON writer for the generated serializers: compact output (no whitespace), strings
//! escaped as JSON requires and no more (like serde_json: `"`, `\` and control
//! characters), floats in their shortest form that reads back to the same value.

#![allow(dead_code)] // not every model writes every kind of value

/// Writes JSON for the generated serializers: the body so far, and whether the next
/// value needs a `,` before it.
pub struct Writer {
    out: Vec<u8>,
    comma: bool,
}

impl Writer {
    #[doc(hidden)]
    pub fn new() -> Self {
        Writer {
            out: Vec::with_capacity(256),
            comma: false,
        }
    }

    #[doc(hidden)]
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// A `,` when a value came before at this level.
    fn separate(&mut self) {
        if self.comma {
            self.out.push(b',');
        }
    }

    fn value(&mut self, text: &[u8]) {
        self.separate();
        self.out.extend_from_slice(text);
        self.comma = true;
    }

    #[doc(hidden)]
    pub fn begin_object(&mut self) {
        self.separate();
        self.out.push(b'{');
        self.comma = false;
    }

    /// An entry's key and `:`; its value is whatever is written next.
    #[doc(hidden)]
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.escaped(key);
        self.out.push(b':');
        self.comma = false;
    }

    /// A structure member's key and `:`, copied as it is: member names are identifiers
    /// (letters, digits, `_`), which need no escape.
    #[doc(hidden)]
    pub fn member_key(&mut self, name: &str) {
        self.separate();
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.comma = false;
    }

    #[doc(hidden)]
    pub fn end_object(&mut self) {
        self.out.push(b'}');
        self.comma = true;
    }

    #[doc(hidden)]
    pub fn begin_array(&mut self) {
        self.separate();
        self.out.push(b'[');
        self.comma = false;
    }

    #[doc(hidden)]
    pub fn end_array(&mut self) {
        self.out.push(b']');
        self.comma = true;
    }

    #[doc(hidden)]
    pub fn null(&mut self) {
        self.value(b"null");
    }

    #[doc(hidden)]
    pub fn bool(&mut self, value: bool) {
        self.value(if value { b"true" } else { b"false" });
    }

    #[doc(hidden)]
    pub fn string(&mut self, value: &str) {
        self.separate();
        self.escaped(value);
        self.comma = true;
    }

    #[doc(hidden)]
    pub fn i64(&mut self, value: i64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.separate();
        if value < 0 {
            self.out.push(b'-');
        }
        self.out.extend_from_slice(&digits[at..]);
        self.comma = true;
    }

    /// A finite `f64` in its shortest form that reads back exactly (`1.5`, `1e-7`).
    #[doc(hidden)]
    pub fn f64(&mut self, value: f64) {
        debug_assert!(
            value.is_finite(),
            "non-finite floats are written as strings"
        );
        self.value(format!("{value:?}").as_bytes());
    }

    /// A finite `f32` in its shortest form that reads back exactly as an `f32`.
    #[doc(hidden)]
    pub fn f32(&mut self, value: f32) {
        debug_assert!(
            value.is_finite(),
            "non-finite floats are written as strings"
        );
        self.value(format!("{value:?}").as_bytes());
    }

    /// A number already in JSON form (a big number's text).
    #[doc(hidden)]
    pub fn number_text(&mut self, text: &str) {
        self.value(text.as_bytes());
    }

    /// `text` as a JSON string, quotes included: runs that need no escape are copied
    /// whole (found eight bytes at a time).
    fn escaped(&mut self, text: &str) {
        self.out.push(b'"');
        let mut rest = text.as_bytes();
        while let Some(at) = crate::json_reader::special_byte(rest) {
            self.out.extend_from_slice(&rest[..at]);
            let byte = rest[at];
            match byte {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                0x0c => self.out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.extend_from_slice(b"\\u00");
                    self.out.push(HEX[usize::from(byte >> 4)]);
                    self.out.push(HEX[usize::from(byte & 0xf)]);
                }
            }
            rest = &rest[at + 1..];
        }
        self.out.extend_from_slice(rest);
        self.out.push(b'"');
    }
}
