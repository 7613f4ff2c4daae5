//! Documentation text: turns a Smithy `documentation` trait (plain text, CommonMark or the
//! HTML subset AWS models use) into rustdoc Markdown that renders cleanly and that
//! `cargo doc -D warnings` accepts: no stray HTML, no accidental links or doctests.

/// Converts model documentation to rustdoc Markdown paragraphs (lines without `///`).
pub fn to_rustdoc(doc: &str) -> String {
    let mut out = Markdown::default();
    let mut rest = doc;
    while let Some(start) = rest.find('<') {
        out.text(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            Some(end) if is_tag(&after[1..end]) => {
                out.tag(&after[1..end]);
                rest = &after[end + 1..];
            }
            _ => {
                out.text("<");
                rest = &after[1..];
            }
        }
    }
    out.text(rest);
    out.finish()
}

fn is_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/');
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " =\"'-_:/.#?&%;,@+~()".contains(c))
}

#[derive(Default)]
struct Markdown {
    paragraphs: Vec<String>,
    current: String,
    in_code: bool,
    link: Option<String>,
    list_depth: usize,
}

impl Markdown {
    fn text(&mut self, text: &str) {
        let text = decode_entities(text);
        for (i, part) in text.split("\n\n").enumerate() {
            if i > 0 && !self.in_code {
                self.break_paragraph();
            }
            for word in part.split_whitespace() {
                self.word(word);
            }
            if part.ends_with(char::is_whitespace) && !self.current.is_empty() {
                self.current.push(' ');
            }
        }
    }

    fn word(&mut self, word: &str) {
        if !self.current.is_empty() && !self.current.ends_with([' ', '`', '[', '(']) {
            self.current.push(' ');
        }
        if self.in_code {
            self.current.push_str(&word.replace('`', "'"));
        } else if word.starts_with("http://") || word.starts_with("https://") {
            let url = word.trim_end_matches(['.', ',', ')', ';']);
            self.current
                .push_str(&format!("<{url}>{}", &word[url.len()..]));
        } else {
            self.current.push_str(&escape(word));
        }
    }

    fn tag(&mut self, inner: &str) {
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            // A paragraph right after a list marker stays in the list item.
            ("p" | "div", false) if self.current.trim_end() == "-" => {}
            ("p" | "div" | "note" | "important", _) | ("br", false) => self.break_paragraph(),
            ("ul" | "ol", false) => {
                self.break_paragraph();
                self.list_depth += 1;
            }
            ("ul" | "ol", true) => {
                self.break_paragraph();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            ("li", false) => {
                self.break_paragraph();
                self.current.push_str("- ");
            }
            ("code", false) => {
                self.space_before_inline();
                self.current.push('`');
                self.in_code = true;
            }
            ("code", true) => {
                self.trim_end();
                if self.current.ends_with('`') {
                    self.current.pop();
                } else {
                    self.current.push('`');
                }
                self.in_code = false;
                self.current.push(' ');
            }
            ("a", false) => {
                self.link = attribute(inner, "href");
                self.space_before_inline();
                self.current.push('[');
            }
            ("a", true) => {
                self.trim_end();
                match self.link.take() {
                    Some(href) if href.starts_with("http") => {
                        self.current.push_str(&format!("]({href})"))
                    }
                    _ => {
                        let start = self.current.rfind('[').unwrap_or(0);
                        self.current.remove(start);
                    }
                }
                self.current.push(' ');
            }
            ("i" | "em" | "b" | "strong", false) => self.space_before_inline(),
            _ => {}
        }
    }

    fn space_before_inline(&mut self) {
        if !self.current.is_empty()
            && !self.current.ends_with([' ', '('])
            && !self.current.ends_with("- ")
        {
            self.current.push(' ');
        }
    }

    fn trim_end(&mut self) {
        let len = self.current.trim_end().len();
        self.current.truncate(len);
    }

    fn break_paragraph(&mut self) {
        self.in_code = false;
        let paragraph = self.current.trim().to_owned();
        self.current.clear();
        if paragraph.is_empty() || paragraph == "-" {
            return;
        }
        let is_item = paragraph.starts_with("- ");
        match self.paragraphs.last_mut() {
            Some(last) if is_item && last.starts_with("- ") => {
                last.push('\n');
                last.push_str(&paragraph);
            }
            _ => self.paragraphs.push(paragraph),
        }
    }

    fn finish(mut self) -> String {
        self.break_paragraph();
        self.paragraphs
            .iter()
            .map(|p| tidy_punctuation(p))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Removes the space the word joiner leaves before punctuation that follows inline code.
fn tidy_punctuation(paragraph: &str) -> String {
    let mut out = paragraph.to_owned();
    for (spaced, tight) in [
        ("` .", "`."),
        (") .", ")."),
        ("` ,", "`,"),
        (") ,", "),"),
        ("` ;", "`;"),
        (") ;", ");"),
        ("` :", "`:"),
        (") :", "):"),
        ("` )", "`)"),
        (") )", "))"),
    ] {
        if out.contains(spaced) {
            out = out.replace(spaced, tight);
        }
    }
    out
}

/// Escapes the characters rustdoc would read as links, HTML or emphasis.
fn escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '[' | ']' | '*' | '_' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::to_rustdoc;

    #[test]
    fn plain_text_is_reflowed_and_escaped() {
        assert_eq!(
            to_rustdoc("  The ID of a [backup],\n   with *stars*.\n\n Second   paragraph."),
            "The ID of a \\[backup\\], with \\*stars\\*.\n\nSecond paragraph."
        );
    }

    #[test]
    fn html_becomes_markdown() {
        let html = "<p>Use <code>PERSISTENT_1</code>, see <a href=\"https://example.com/x\">the guide</a>.</p>\n<ul><li><p>one</p></li><li>two</li></ul>";
        assert_eq!(
            to_rustdoc(html),
            "Use `PERSISTENT_1`, see [the guide](https://example.com/x).\n\n- one\n- two"
        );
    }

    #[test]
    fn urls_and_angle_brackets_are_safe() {
        assert_eq!(
            to_rustdoc("See https://example.com. a &lt;b&gt; c < d"),
            "See <https://example.com>. a &lt;b&gt; c &lt; d"
        );
    }

    #[test]
    fn indentation_never_makes_a_code_block() {
        assert_eq!(
            to_rustdoc("first\n\n        fn main() {}"),
            "first\n\nfn main() {}"
        );
    }
}
