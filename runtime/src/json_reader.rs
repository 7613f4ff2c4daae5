//! A pull reader of JSON text, made for the generated deserializers: they ask for the
//! value they expect next (an object of known members, a string, an integer...) and
//! get it, or an error naming what was found instead. No intermediate tree, no serde.
//!
//! - Object keys come back borrowed from the body (an escaped key is unescaped once).
//! - Whitespace and string contents are scanned eight bytes at a time.
//! - Numbers follow the JSON grammar exactly; floats are read with correct rounding
//!   (`str::parse`), integers that do not fit their type are errors.
//! - Arrays and objects read as values may nest [`MAX_DEPTH`] deep: deeper input is an
//!   error, never a stack overflow. Structures count separately against
//!   [`Limits::max_nesting_depth`](crate::limits::Limits::max_nesting_depth). A value skipped (a member
//!   this model does not know) is walked with a heap stack instead, at any depth.
//! - An error keeps the byte offset where reading stopped and the member path, built
//!   from the inside out as the error leaves each member; it never holds input text.

#![allow(dead_code)] // not every model reads every kind of value

use std::borrow::Cow;

/// How deep arrays and objects may nest (serde_json's default recursion limit).
#[doc(hidden)]
pub const MAX_DEPTH: u32 = 128;

/// A read failure: what was wrong, where, and in which member (becomes a
/// [`ParseError`](crate::error::ParseError) at the top).
///
/// One pointer wide (the details are boxed), so that every `ReadResult` the generated
/// code passes along stays small on the success path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(Box<ErrorDetails>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorDetails {
    /// Member names from the outermost in; filled while the error leaves each level.
    path: Vec<&'static str>,
    detail: Cow<'static, str>,
    offset: usize,
}

impl ReadError {
    #[cold]
    fn new(detail: impl Into<Cow<'static, str>>, offset: usize) -> Self {
        ReadError(Box::new(ErrorDetails {
            path: Vec::new(),
            detail: detail.into(),
            offset,
        }))
    }

    /// The same error, one member further out: `member` holds the value that failed.
    #[cold]
    #[doc(hidden)]
    pub fn in_member(mut self, member: &'static str) -> Self {
        self.0.path.push(member);
        self
    }

    /// The member path, outermost first: `Order.Customer.Name`.
    #[doc(hidden)]
    pub fn path(&self) -> String {
        let mut path = String::new();
        for (i, member) in self.0.path.iter().rev().enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(member);
        }
        path
    }

    #[doc(hidden)]
    pub fn detail(&self) -> &str {
        &self.0.detail
    }

    /// The byte offset in the body where reading stopped.
    #[doc(hidden)]
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// The 1-based line and column of [`offset`](Self::offset) in `text`.
    #[doc(hidden)]
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = text
            .as_bytes()
            .get(..self.0.offset)
            .unwrap_or(text.as_bytes());
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
        (line, column)
    }
}

/// The result of reading one value.
pub type ReadResult<T> = Result<T, ReadError>;

/// What the next value in the input is, for "expected X, found Y".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[doc(hidden)]
pub enum Found {
    Object,
    List,
    String,
    Number,
    Boolean,
    Null,
    End,
    Other,
}

impl Found {
    fn of(byte: Option<u8>) -> Found {
        match byte {
            Some(b'{') => Found::Object,
            Some(b'[') => Found::List,
            Some(b'"') => Found::String,
            Some(b'-' | b'0'..=b'9') => Found::Number,
            Some(b't' | b'f') => Found::Boolean,
            Some(b'n') => Found::Null,
            None => Found::End,
            Some(_) => Found::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Found::Object => "object",
            Found::List => "list",
            Found::String => "string",
            Found::Number => "number",
            Found::Boolean => "boolean",
            Found::Null => "null",
            Found::End => "the end of the body",
            Found::Other => "something that is not JSON",
        }
    }
}

/// Eight copies of a byte, for the word-at-a-time scans.
const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// Where the next `"`, `\` or control character is in `bytes`, eight bytes at a time.
#[inline]
#[doc(hidden)]
pub fn special_byte(bytes: &[u8]) -> Option<usize> {
    first_hit(
        bytes,
        |word| {
            let quote = word ^ splat(b'"');
            let backslash = word ^ splat(b'\\');
            (quote.wrapping_sub(splat(1)) & !quote)
                | (backslash.wrapping_sub(splat(1)) & !backslash)
                | (word.wrapping_sub(splat(0x20)) & !word)
        },
        |b| b == b'"' || b == b'\\' || b < 0x20,
    )
}

/// Where the first byte `hit` accepts is in `bytes`: eight bytes at a time through
/// `hits`, which sets the top bit of each such byte of a little-endian word (the classic
/// "has zero byte" test: it may flag a byte above a real hit, never below one, so the
/// lowest flagged byte is always the first hit), then the tail byte by byte.
#[inline(always)]
fn first_hit(bytes: &[u8], hits: impl Fn(u64) -> u64, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let hits = hits(u64::from_le_bytes(word)) & splat(0x80);
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| hit(b)).map(|i| at + i)
}

/// How many spaces `bytes` starts with, eight bytes at a time.
#[inline]
fn space_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let other = u64::from_le_bytes(word) ^ splat(b' ');
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..].iter().take_while(|&&b| b == b' ').count()
}

/// Reads JSON text for the generated deserializers: a position in the body text and the
/// nesting so far.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Open arrays and objects.
    depth: u32,
    /// Open structures (and unions), bounded by `max_structures`.
    structures: u32,
    max_structures: u32,
    /// Whether big numbers also read from a string holding their text (the serde form
    /// of those beyond `i64`, `u64` and `f64`); never on the wire.
    number_strings: bool,
}

impl<'a> Reader<'a> {
    /// A reader of `text` with the default nesting bound for structures.
    #[doc(hidden)]
    pub fn new(text: &'a str) -> Self {
        Self::with_max_nesting_depth(text, crate::limits::DEFAULT_MAX_NESTING_DEPTH)
    }

    /// A reader of `text` that lets `max_structures` structures nest.
    #[doc(hidden)]
    pub fn with_max_nesting_depth(text: &'a str, max_structures: u32) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            structures: 0,
            max_structures,
            number_strings: false,
        }
    }

    /// This reader, reading big numbers also from strings (for the serde form).
    pub(crate) fn with_number_strings(mut self) -> Self {
        self.number_strings = true;
        self
    }

    /// Whether big numbers also read from strings.
    pub(crate) fn number_strings(&self) -> bool {
        self.number_strings
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[cold]
    fn error(&self, detail: impl Into<Cow<'static, str>>) -> ReadError {
        ReadError::new(detail, self.pos)
    }

    /// An error about the value just read (the position is after it).
    #[cold]
    #[doc(hidden)]
    pub fn error_here(&self, detail: impl Into<Cow<'static, str>>) -> ReadError {
        self.error(detail)
    }

    /// "expected `what`, found ..." at the next value.
    #[cold]
    #[doc(hidden)]
    pub fn expected(&mut self, what: &str) -> ReadError {
        let found = self.found();
        self.error(format!("expected {what}, found {}", found.name()))
    }

    /// What kind of value comes next.
    #[inline]
    #[doc(hidden)]
    pub fn found(&mut self) -> Found {
        Found::of(self.peek())
    }

    /// Skips whitespace: the common run of pretty-printed JSON (a line break and the
    /// next line's indentation) in one step, any other run by
    /// [`skip_whitespace_run`](Self::skip_whitespace_run).
    fn skip_whitespace(&mut self) {
        if !self.skip_indented_line_break() {
            self.skip_whitespace_run();
        }
    }

    /// At a line break followed by fewer than sixteen spaces and a token: skips them in
    /// one step. Whether it did.
    #[inline(always)]
    fn skip_indented_line_break(&mut self) -> bool {
        let bytes = self.bytes();
        let at = self.pos;
        if bytes.get(at) != Some(&b'\n') {
            return false;
        }
        let Some(chunk) = bytes.get(at + 1..at + 17) else {
            return false;
        };
        let mut word = [0u8; 16];
        word.copy_from_slice(chunk);
        let other = u128::from_le_bytes(word) ^ u128::from_ne_bytes([b' '; 16]);
        let indent = (other.trailing_zeros() / 8) as usize;
        let token = chunk.get(indent).is_some_and(|&next| next > b' ');
        if token {
            self.pos = at + 1 + indent;
        }
        token
    }

    /// Skips any run of whitespace. The tests are on bits of a mask, not a `match`,
    /// which would compile to a jump table: an indirect branch the processor often
    /// mispredicts here.
    fn skip_whitespace_run(&mut self) {
        /// Bit `b` set for each whitespace byte `b` that may start a run of spaces.
        const RUN_START: u64 = 1 << b' ' | 1 << b'\n';
        const OTHER: u64 = 1 << b'\r' | 1 << b'\t';
        let bytes = self.bytes();
        let mut at = self.pos;
        while let Some(&byte) = bytes.get(at) {
            if byte > b' ' {
                break;
            }
            let bit = 1u64 << byte;
            if bit & RUN_START != 0 {
                // A line break and the next line's indentation, or a run of spaces.
                at += 1;
                at += space_run(&bytes[at..]);
            } else if bit & OTHER != 0 {
                at += 1;
            } else {
                break;
            }
        }
        self.pos = at;
    }

    /// The next byte that is not whitespace, not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            // Most calls find a token right away: no whitespace is above `' '`.
            Some(&byte) if byte > b' ' => Some(byte),
            _ => {
                self.skip_whitespace();
                self.bytes().get(self.pos).copied()
            }
        }
    }

    /// Nothing but whitespace is left.
    #[doc(hidden)]
    pub fn end(&mut self) -> ReadResult<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters after the value")),
        }
    }

    /// Consumes `null` when it is next: an absent member.
    #[inline]
    #[doc(hidden)]
    pub fn null(&mut self) -> ReadResult<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.word("null")?;
        Ok(true)
    }

    fn word(&mut self, word: &'static str) -> ReadResult<()> {
        if self.bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error(format!("invalid literal, expected `{word}`")))
        }
    }

    fn open(&mut self) -> ReadResult<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!("arrays and objects nested deeper than {MAX_DEPTH}")));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Reads `{` of an object; its entries come from [`next_key`](Self::next_key).
    #[inline]
    #[doc(hidden)]
    pub fn begin_object(&mut self) -> ReadResult<Entries> {
        if self.peek() != Some(b'{') {
            return Err(self.expected("object"));
        }
        self.open()?;
        Ok(Entries { first: true })
    }

    /// Like [`begin_object`](Self::begin_object), for a structure or union: one more
    /// level against the nesting bound, left again by [`end_structure`].
    ///
    /// [`end_structure`]: Self::end_structure
    #[inline]
    #[doc(hidden)]
    pub fn begin_structure(&mut self, name: &str) -> ReadResult<Entries> {
        if self.peek() != Some(b'{') {
            return Err(self.expected(&format!("a `{name}` object")));
        }
        if self.structures >= self.max_structures {
            let max = self.max_structures;
            return Err(self.error(format!("nested deeper than {max} structures")));
        }
        let entries = self.begin_object()?;
        self.structures += 1;
        Ok(entries)
    }

    #[inline]
    #[doc(hidden)]
    pub fn end_structure(&mut self) {
        self.structures -= 1;
    }

    /// The next key of the object (its `:` read), or `None` after its `}`.
    #[inline]
    #[doc(hidden)]
    pub fn next_key(&mut self, entries: &mut Entries) -> ReadResult<Option<Cow<'a, str>>> {
        if !self.next_entry(entries)? {
            return Ok(None);
        }
        self.key().map(Some)
    }

    /// The next member of a structure whose members on the wire are `names`, in model
    /// order: its index in `names` (its `:` read), `names.len()` for a key that is
    /// none of them, or `None` after the `}`. `lookup` gives the index of any key (the
    /// structure's generated match on the key's length, then its bytes); a function
    /// pointer rather than a generic, so that this is compiled once rather than once per
    /// structure (inlined, the pointer is a constant and the call direct).
    ///
    /// Responses often list members in model order, so the key is first compared with
    /// `names[*next]` where it stands in the body, without scanning it; any other key
    /// is read and looked up, at a cost that does not depend on the order. `*next` then
    /// moves past the member found, or, once a member comes before the one expected,
    /// past every index: the rest of that object is looked up without guessing.
    ///
    /// Inlined into each structure's reader in an optimized build (the pointer a
    /// constant, the call direct); a debug build compiles it once and calls it: forced
    /// into every structure there, it made a quarter of a 48-operation crate's LLVM IR.
    #[cfg_attr(not(debug_assertions), inline(always))]
    #[cfg_attr(debug_assertions, inline)]
    #[doc(hidden)]
    pub fn next_member(
        &mut self,
        entries: &mut Entries,
        names: &[&str],
        next: &mut usize,
        lookup: fn(&[u8]) -> usize,
    ) -> ReadResult<Option<usize>> {
        if !self.next_entry(entries)? {
            return Ok(None);
        }
        self.skip_indented_line_break();
        let index = match names.get(*next) {
            Some(name) if self.at_key(name) => {
                let index = *next;
                *next = index + 1;
                index
            }
            _ => {
                let index = self.member_key(lookup)?;
                // A member found before the one expected means the object is not in model
                // order: `*next` past every index stops the guessing for the rest of it (a
                // guess that keeps failing costs a mispredicted branch per key). An unknown
                // key moves nothing.
                if index < names.len() {
                    *next = if index < *next { usize::MAX } else { index + 1 };
                }
                index
            }
        };
        Ok(Some(index))
    }

    /// The index `lookup` gives the key at the reader, its `:` read. A key without
    /// escapes, and without whitespace before its `:`, is looked up where it stands:
    /// one scan for its closing quote, no [`Cow`] built and returned.
    #[inline(always)]
    fn member_key(&mut self, lookup: fn(&[u8]) -> usize) -> ReadResult<usize> {
        match self.plain_key() {
            Some(key) => Ok(lookup(&self.bytes()[key])),
            None => self.looked_up_key(lookup),
        }
    }

    /// [`member_key`](Self::member_key) for the rest: whitespace, escapes, errors.
    #[cold]
    #[inline(never)]
    fn looked_up_key(&mut self, lookup: fn(&[u8]) -> usize) -> ReadResult<usize> {
        Ok(lookup(self.spaced_or_escaped_key()?.as_bytes()))
    }

    /// Whether the text at the reader is the key `name` (no escapes) and its `:`:
    /// then they are read, with the one space of `": "`.
    #[inline]
    fn at_key(&mut self, name: &str) -> bool {
        let bytes = self.bytes();
        let start = self.pos + 1;
        let end = start + name.len();
        // The closing quote first: a key of another length fails without a `memcmp`.
        let found = bytes.get(self.pos) == Some(&b'"')
            && bytes.get(end..end + 2) == Some(b"\":")
            && bytes.get(start..end) == Some(name.as_bytes());
        if found {
            self.pos = end + 2;
            self.skip_one_space();
        }
        found
    }

    /// Skips the one space of `": "` when a token follows it.
    #[inline]
    fn skip_one_space(&mut self) {
        let bytes = self.bytes();
        if bytes.get(self.pos) == Some(&b' ')
            && bytes.get(self.pos + 1).is_some_and(|&next| next > b' ')
        {
            self.pos += 1;
        }
    }

    /// Before an object's next entry: reads its `,` (none before the first), or the
    /// object's `}` (then `false`).
    #[inline]
    fn next_entry(&mut self, entries: &mut Entries) -> ReadResult<bool> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if !entries.first => self.pos += 1,
            Some(b'"') if entries.first => {}
            _ if entries.first => return Err(self.error("expected a key or `}`")),
            _ => return Err(self.error("expected `,` or `}` after an object entry")),
        }
        entries.first = false;
        Ok(true)
    }

    /// Reads `[` of an array; its items come from [`next_item`](Self::next_item).
    #[inline]
    #[doc(hidden)]
    pub fn begin_array(&mut self) -> ReadResult<Entries> {
        if self.peek() != Some(b'[') {
            return Err(self.expected("list"));
        }
        self.open()?;
        Ok(Entries { first: true })
    }

    /// Whether another item follows (its `,` read), `false` after the `]`.
    #[inline]
    #[doc(hidden)]
    pub fn next_item(&mut self, items: &mut Entries) -> ReadResult<bool> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !items.first => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) if items.first => {
                items.first = false;
                Ok(true)
            }
            _ => Err(self.error("expected `,` or `]` after a list item")),
        }
    }

    #[doc(hidden)]
    pub fn bool(&mut self) -> ReadResult<bool> {
        match self.peek() {
            Some(b't') => self.word("true").map(|()| true),
            Some(b'f') => self.word("false").map(|()| false),
            _ => Err(self.expected("boolean")),
        }
    }

    /// A string value, unescaped. Most strings hold no escape: those are copied straight
    /// from the body.
    #[inline]
    #[doc(hidden)]
    pub fn string(&mut self) -> ReadResult<String> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("string"));
        }
        let start = self.pos + 1;
        let bytes = self.bytes();
        match special_byte(&bytes[start..]) {
            Some(len) if bytes[start + len] == b'"' => {
                self.pos = start + len + 1;
                Ok(self.text[start..start + len].to_owned())
            }
            _ => self.string_at_quote().map(Cow::into_owned),
        }
    }

    /// A string value, borrowed from the body when it holds no escapes.
    #[inline]
    #[doc(hidden)]
    pub fn str(&mut self) -> ReadResult<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("string"));
        }
        self.string_at_quote()
    }

    /// At a `"`: the string up to the closing one.
    #[inline]
    fn string_at_quote(&mut self) -> ReadResult<Cow<'a, str>> {
        let start = self.pos + 1;
        let bytes = self.bytes();
        let Some(len) = special_byte(&bytes[start..]) else {
            self.pos = bytes.len();
            return Err(self.error("unterminated string"));
        };
        let at = start + len;
        match bytes[at] {
            b'"' => {
                self.pos = at + 1;
                Ok(Cow::Borrowed(&self.text[start..at]))
            }
            b'\\' => self.escaped_string(start, at).map(Cow::Owned),
            _ => {
                self.pos = at;
                Err(self.error("control character in a string"))
            }
        }
    }

    /// The rest of a string with escapes, from its first `\` at `at`.
    fn escaped_string(&mut self, start: usize, mut at: usize) -> ReadResult<String> {
        let bytes = self.bytes();
        let mut out = String::with_capacity(at - start + 16);
        out.push_str(&self.text[start..at]);
        loop {
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let unescaped = match bytes.get(at + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos = at;
                            let (c, len) = self.unicode_escape()?;
                            out.push(c);
                            at += len;
                            continue;
                        }
                        _ => {
                            self.pos = at;
                            return Err(self.error("invalid escape in a string"));
                        }
                    };
                    out.push(unescaped);
                    at += 2;
                }
                Some(&b) if b < 0x20 => {
                    self.pos = at;
                    return Err(self.error("control character in a string"));
                }
                Some(_) => {
                    let run = special_byte(&bytes[at..]).unwrap_or(bytes.len() - at);
                    out.push_str(&self.text[at..at + run]);
                    at += run;
                }
                None => {
                    self.pos = at;
                    return Err(self.error("unterminated string"));
                }
            }
        }
    }

    /// Four hex digits at `at`.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.get(at..at + 4)?;
        if digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            u32::from_str_radix(digits, 16).ok()
        } else {
            None
        }
    }

    /// At `\u`: the character and how many bytes its escape (or surrogate pair) takes.
    fn unicode_escape(&mut self) -> ReadResult<(char, usize)> {
        let at = self.pos;
        let invalid = |r: &Self| r.error("invalid \\u escape in a string");
        let high = self.hex4(at + 2).ok_or_else(|| invalid(self))?;
        if !(0xD800..0xE000).contains(&high) {
            let c = char::from_u32(high).ok_or_else(|| invalid(self))?;
            return Ok((c, 6));
        }
        let low = (high < 0xDC00 && self.bytes().get(at + 6..at + 8) == Some(b"\\u"))
            .then(|| self.hex4(at + 8))
            .flatten()
            .filter(|low| (0xDC00..0xE000).contains(low))
            .ok_or_else(|| self.error("unpaired surrogate in a \\u escape"))?;
        let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        let c = char::from_u32(c).ok_or_else(|| invalid(self))?;
        Ok((c, 12))
    }

    /// The text of the number that comes next, checked against the JSON grammar; `true`
    /// with it when it has no fraction or exponent.
    #[doc(hidden)]
    pub fn number_text(&mut self) -> ReadResult<(&'a str, bool)> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.expected("number"));
        }
        let bytes = self.bytes();
        let start = self.pos;
        let mut at = start;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        if bytes[at] == b'-' {
            at += 1;
        }
        let integer_digits = digits(&mut at);
        let leading_zero = integer_digits > 1 && bytes[at - integer_digits] == b'0';
        let mut integer = true;
        let mut valid = integer_digits > 0 && !leading_zero;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            integer = false;
            valid &= digits(&mut at) > 0;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            integer = false;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            valid &= digits(&mut at) > 0;
        }
        if !valid {
            self.pos = start;
            return Err(self.error("invalid number"));
        }
        self.pos = at;
        Ok((&self.text[start..at], integer))
    }

    /// An integer that fits `T`; a fraction or exponent is an error.
    #[inline]
    #[doc(hidden)]
    pub fn integer<T: TryFrom<i64>>(&mut self) -> ReadResult<T> {
        let (value, start) = match self.short_integer() {
            Some((value, end)) => {
                let start = self.pos;
                self.pos = end;
                (value, start)
            }
            None => self.checked_integer()?,
        };
        match T::try_from(value) {
            Ok(value) => Ok(value),
            Err(_) => Err(self.out_of_range(start)),
        }
    }

    /// The error of an integer at `start` that its type cannot hold.
    #[cold]
    fn out_of_range(&mut self, start: usize) -> ReadError {
        self.pos = start;
        self.error("integer out of range")
    }

    /// The common integer, read in one pass: at most 18 digits (so no `i64` overflow),
    /// no leading zero, no fraction or exponent. `None` leaves the rest, and every
    /// error, to [`checked_integer`](Self::checked_integer).
    #[inline]
    fn short_integer(&mut self) -> Option<(i64, usize)> {
        self.peek()?;
        let bytes = self.bytes();
        let negative = bytes[self.pos] == b'-';
        let start = self.pos + usize::from(negative);
        let mut at = start;
        let mut value: i64 = 0;
        while let Some(&byte) = bytes.get(at) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            if at - start == 18 {
                return None;
            }
            value = value * 10 + i64::from(digit);
            at += 1;
        }
        let digits = at - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        if digits == 0 || leading_zero || matches!(bytes.get(at), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some((if negative { -value } else { value }, at))
    }

    /// [`integer`](Self::integer) through the number grammar, for what
    /// [`short_integer`](Self::short_integer) leaves: the value as `i64` (every integer
    /// type is read through it, so only its parser is compiled) and where it starts.
    #[cold]
    fn checked_integer(&mut self) -> ReadResult<(i64, usize)> {
        if self.found() != Found::Number {
            return Err(self.expected("integer"));
        }
        let start = self.pos;
        let (text, integer) = self.number_text()?;
        if !integer {
            self.pos = start;
            return Err(self.error("expected integer, found a number with a fraction or exponent"));
        }
        match text.parse() {
            Ok(value) => Ok((value, start)),
            Err(_) => Err(self.out_of_range(start)),
        }
    }

    /// A number as `f64`, correctly rounded.
    #[doc(hidden)]
    pub fn f64(&mut self) -> ReadResult<f64> {
        let (text, _) = self.number_text()?;
        // The grammar was checked, so only an out-of-range exponent is left, which
        // `parse` rounds to infinity or zero as JSON readers do.
        text.parse().map_err(|_| self.error("invalid number"))
    }

    /// Skips one value of any kind, nested ones included, without recursion (so at any
    /// depth: the stack of open containers is a word, then the heap past 64 levels,
    /// bounded by the body size).
    #[doc(hidden)]
    pub fn skip(&mut self) -> ReadResult<()> {
        // A string or a number, the most common unknown values, without the loop.
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'-' | b'0'..=b'9') => self.skip_number(),
            _ => self.skip_any(),
        }
    }

    /// [`skip`](Self::skip) for any value.
    fn skip_any(&mut self) -> ReadResult<()> {
        let mut open = OpenContainers::default();
        loop {
            // One value.
            match self.peek() {
                Some(b'{' | b'[') => {
                    let object = self.bytes()[self.pos] == b'{';
                    self.pos += 1;
                    if !self.close_if_empty(object) {
                        open.push(object);
                        if object {
                            self.skip_key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b't') => self.word("true")?,
                Some(b'f') => self.word("false")?,
                Some(b'n') => self.word("null")?,
                Some(b'-' | b'0'..=b'9') => self.skip_number()?,
                _ => return Err(self.expected("a value")),
            }
            // After a value: close what ends here, or read the separator of the next.
            loop {
                let Some(object) = open.last() else {
                    return Ok(());
                };
                match self.peek() {
                    Some(b) if b == closer(object) => {
                        self.pos += 1;
                        open.pop();
                    }
                    Some(b',') => {
                        self.pos += 1;
                        if object {
                            self.skip_key()?;
                        }
                        break;
                    }
                    _ => return Err(self.error("expected `,` or the end of a list or object")),
                }
            }
        }
    }

    /// At a key of a skipped object: past the key and its `:`, nothing kept (the
    /// errors of [`key`](Self::key)).
    fn skip_key(&mut self) -> ReadResult<()> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key"));
        }
        self.skip_string()?;
        if self.peek() != Some(b':') {
            return Err(self.error("expected `:` after an object key"));
        }
        self.pos += 1;
        Ok(())
    }

    /// At a `"`: past the string, escapes checked, nothing kept.
    #[inline]
    fn skip_string(&mut self) -> ReadResult<()> {
        let start = self.pos + 1;
        let bytes = self.bytes();
        match special_byte(&bytes[start..]) {
            Some(len) if bytes[start + len] == b'"' => {
                self.pos = start + len + 1;
                Ok(())
            }
            _ => self.string_at_quote().map(drop),
        }
    }

    /// Skips a number: a short integer in one pass, any other through the grammar.
    #[inline]
    fn skip_number(&mut self) -> ReadResult<()> {
        match self.short_integer() {
            Some((_, end)) => self.pos = end,
            None => {
                self.number_text()?;
            }
        }
        Ok(())
    }

    /// Right after a skipped `{` or `[`: whether the container is empty (then it is
    /// closed).
    fn close_if_empty(&mut self, object: bool) -> bool {
        if self.peek() == Some(closer(object)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// At a key: the key and its `:`, and the one space of `": "`. Most keys hold no
    /// escape and are followed by their `:` right away: those take one scan.
    #[inline]
    fn key(&mut self) -> ReadResult<Cow<'a, str>> {
        // In pretty-printed JSON each key starts a line.
        self.skip_indented_line_break();
        if self.peek() == Some(b'"') {
            if let Some(key) = self.plain_key() {
                return Ok(Cow::Borrowed(&self.text[key]));
            }
        }
        self.spaced_or_escaped_key()
    }

    /// At a key without escapes and with its `:` right after it: where the key's text
    /// is, the key read with its `:` and the one space of `": "`. `None` (nothing read)
    /// for any other text.
    #[inline(always)]
    fn plain_key(&mut self) -> Option<std::ops::Range<usize>> {
        let bytes = self.bytes();
        let start = self.pos + 1;
        if bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        let end = start + special_byte(&bytes[start..])?;
        if bytes.get(end..end + 2) != Some(b"\":") {
            return None;
        }
        self.pos = end + 2;
        self.skip_one_space();
        Some(start..end)
    }

    /// [`key`](Self::key) for the rest: whitespace around the key, escapes in it, errors.
    #[cold]
    fn spaced_or_escaped_key(&mut self) -> ReadResult<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key"));
        }
        let key = self.string_at_quote()?;
        if self.peek() != Some(b':') {
            return Err(self.error("expected `:` after an object key"));
        }
        self.pos += 1;
        Ok(key)
    }
}

/// The byte that closes an object (`true`) or an array.
fn closer(object: bool) -> u8 {
    if object {
        b'}'
    } else {
        b']'
    }
}

/// The containers open while a value is skipped, innermost last: whether each is an
/// object (else an array). The first 64 levels are bits of a word, so skipping an
/// unknown member allocates nothing; deeper ones (any depth: skipping never recurses)
/// go to a vector.
#[derive(Default)]
struct OpenContainers {
    bits: u64,
    len: usize,
    deeper: Vec<bool>,
}

impl OpenContainers {
    const IN_BITS: usize = u64::BITS as usize;

    fn push(&mut self, object: bool) {
        if self.len < Self::IN_BITS {
            let bit = 1u64 << self.len;
            if object {
                self.bits |= bit;
            } else {
                self.bits &= !bit;
            }
        } else {
            self.deeper.push(object);
        }
        self.len += 1;
    }

    fn last(&self) -> Option<bool> {
        match self.len {
            0 => None,
            len if len <= Self::IN_BITS => Some(self.bits >> (len - 1) & 1 == 1),
            _ => self.deeper.last().copied(),
        }
    }

    fn pop(&mut self) {
        if self.len > Self::IN_BITS {
            self.deeper.pop();
        }
        self.len = self.len.saturating_sub(1);
    }
}

/// The state of one object or array being read: whether an entry came yet.
pub struct Entries {
    first: bool,
}
