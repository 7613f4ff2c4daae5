//! Documentation skips the `syn` round trip. Parsing a `#[doc = "..."]` attribute for every
//! line of documentation and printing it back was a sixth of the generator's time on a
//! documented model. While a file is emitted, each block of documentation becomes one
//! placeholder attribute (`#[doc = "\u{1}7"]`) and its text goes into the file's table;
//! after prettyplease, [`DocTable::expand`] replaces the line printed for the placeholder
//! (`///\u{1}7`) with the block's lines at that line's indentation, exactly as prettyplease
//! prints one attribute per line (`/// text`, trailing spaces trimmed).

use std::cell::RefCell;

use proc_macro2::TokenStream;
use quote::quote;

/// Starts a placeholder's text; no documentation line starts with it (each one that is
/// not empty starts with a space).
const MARK: char = '\u{1}';

/// The documentation blocks of one file, by placeholder number.
#[derive(Debug, Default)]
pub struct DocTable {
    blocks: Vec<String>,
}

thread_local! {
    /// The table of the file being emitted on this thread, if any.
    static TABLE: RefCell<Option<DocTable>> = const { RefCell::new(None) };
}

/// Runs `emit` with a table collecting its documentation blocks.
pub fn collect<R>(emit: impl FnOnce() -> R) -> (R, DocTable) {
    let outer = TABLE.with(|table| table.replace(Some(DocTable::default())));
    let result = emit();
    let table = TABLE.with(|table| table.replace(outer)).unwrap_or_default();
    (result, table)
}

/// A placeholder for `text` (Markdown, several lines) when a table collects them, else
/// `None`.
pub fn placeholder(text: &str) -> Option<TokenStream> {
    TABLE.with(|table| {
        let mut table = table.borrow_mut();
        let table = table.as_mut()?;
        let mark = format!("{MARK}{}", table.blocks.len());
        table.blocks.push(text.to_owned());
        Some(quote!(#[doc = #mark]))
    })
}

impl DocTable {
    /// `formatted` (prettyplease's output) with each placeholder line replaced by its
    /// block.
    pub fn expand(&self, formatted: &str) -> String {
        if self.blocks.is_empty() {
            return formatted.to_owned();
        }
        let extra: usize = self.blocks.iter().map(String::len).sum();
        let mut out = String::with_capacity(formatted.len() + 2 * extra);
        for line in formatted.split_inclusive('\n') {
            match self.block_at(line) {
                Some((indent, block)) => push_doc_lines(&mut out, indent, block),
                None => out.push_str(line),
            }
        }
        out
    }

    /// For a placeholder line: its indentation and its block.
    fn block_at<'l>(&self, line: &'l str) -> Option<(&'l str, &str)> {
        let body = line.trim_start_matches(' ');
        let number = body
            .strip_prefix("///")?
            .strip_prefix(MARK)?
            .trim_end_matches('\n');
        let block = self.blocks.get(number.parse::<usize>().ok()?)?;
        Some((&line[..line.len() - body.len()], block))
    }
}

/// `/// line` for each line of `block` (`///` for an empty one), as prettyplease prints a
/// `#[doc = " line"]` attribute.
fn push_doc_lines(out: &mut String, indent: &str, block: &str) {
    for line in block.lines() {
        out.push_str(indent);
        out.push_str("///");
        let line = line.trim_end_matches(' ');
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{collect, placeholder};
    use crate::emit::rust_type::doc_attrs;

    /// The text prettyplease prints for `tokens` (an item).
    fn formatted(tokens: proc_macro2::TokenStream) -> String {
        let file = syn::parse2(tokens).expect("tokens parse");
        prettyplease::unparse(&file)
    }

    #[test]
    fn expanded_placeholders_read_as_one_attribute_per_line_would() {
        let text = "First line.  \n   \nA \"quoted\" line, then `code`.\n- a list item";
        let item = |doc: proc_macro2::TokenStream| {
            quote! {
                #doc
                pub struct S {
                    #doc
                    pub field: u8,
                }
            }
        };
        let direct = formatted(item(doc_attrs(text).into_tokens()));
        let (tokens, table) = collect(|| item(placeholder(text).expect("a table collects")));
        let expanded = table.expand(&formatted(tokens));
        assert_eq!(expanded, direct);
        assert!(direct.contains("    /// A \"quoted\" line"), "{direct}");
    }

    #[test]
    fn without_a_table_there_is_no_placeholder() {
        assert!(placeholder("Text.").is_none());
    }

    #[test]
    fn lines_that_only_look_like_placeholders_stay() {
        let (_, table) = collect(|| placeholder("Block."));
        let text = "/// \u{1}0\n///\u{1}9\n///\u{1}x\n";
        assert_eq!(table.expand(text), text);
    }
}
