//! The `codegen-diff` command (`cargo run -p codegen-diff -- --base <rev>`): the
//! generated code as of a git revision (its model and its generator) against the
//! working tree's, as unified diffs and a Markdown summary.

use std::path::PathBuf;
use std::process::ExitCode;

use codegen::args::{workspace_root, Args, ModelOptions};
use codegen_diff::base_rev::{self, BaseRequest};
use codegen_diff::diff::{self, Labels, Side};

const USAGE: &str = "\
usage: codegen-diff --base <git-rev> [--model <file-or-dir>]... [--operation <name>]...
                    [--crate-name <name>] [--markdown [--max-bytes <n>]] [--exit-code]
                    [--target-dir <dir>]

Regenerates the bindings as of <git-rev> of the repository it runs in (that revision's
model, built and run with that revision's generator; in a repository without this
generator, the revision's model rendered by this one) and as of the working tree, then prints a unified diff per
generated file and a summary: model shapes added, removed and changed, and public API
breaks (removed types, fields and enum variants, changed field types, members that
became required, builders that became fallible).
  --base <git-rev>      the revision to compare with (a branch, tag, hash, HEAD~1, ...)
  --model, --operation, --crate-name
                        as for `codegen` (default model: <workspace>/model); a model
                        path inside the repository is read from <git-rev> for the base
  --markdown            summary first, each file's diff folded (for a PR comment)
  --max-bytes <n>       with --markdown: leave out the diffs that would make the output
                        longer than <n> bytes (GitHub comments hold 65536 characters)
  --exit-code           exit with code 1 when the generated code differs
  --target-dir <dir>    where the base's generator is built
                        (default: $CARGO_TARGET_DIR/codegen-diff or <workspace>/target/codegen-diff)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(Outcome::Same) => ExitCode::SUCCESS,
        Ok(Outcome::Changed) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// How a run that did not fail ended.
enum Outcome {
    /// No difference, or differences without `--exit-code`, or `--help`.
    Same,
    /// `--exit-code` found changes to the generated code.
    Changed,
}

/// Options of `codegen-diff`.
#[derive(Default)]
struct Options {
    base: Option<String>,
    model: ModelOptions,
    markdown: bool,
    max_bytes: Option<usize>,
    exit_code: bool,
    target_dir: Option<PathBuf>,
}

fn run(args: Vec<String>) -> Result<Outcome, String> {
    let Some(options) = parse(args)? else {
        println!("{USAGE}");
        return Ok(Outcome::Same);
    };
    let rev = options
        .base
        .clone()
        .ok_or_else(|| format!("`codegen-diff` needs --base <git-rev>\n\n{USAGE}"))?;
    let config = options.model.config();
    let head = Side::generate(&config).map_err(|e| e.to_string())?;

    let request = BaseRequest {
        workspace: workspace_root(),
        repository: std::env::current_dir()
            .map_err(|e| format!("cannot read the current directory: {e}"))?,
        rev,
        models: options.model.model_paths(),
        operations: options.model.operations.clone(),
        crate_name: options.model.crate_name.clone(),
        target_dir: options
            .target_dir
            .clone()
            .unwrap_or_else(default_target_dir),
    };
    let (revision, base) = base_rev::generate(&request).map_err(|e| e.to_string())?;
    let labels = Labels {
        base: revision.label(),
        head: "working tree".to_owned(),
    };
    let report = diff::compare(&base, &head, labels);
    if options.markdown {
        print!(
            "{}",
            report.to_markdown_within(options.max_bytes.unwrap_or(usize::MAX))
        );
    } else {
        print!("{}", report.to_text());
    }
    Ok(if options.exit_code && !report.is_empty() {
        Outcome::Changed
    } else {
        Outcome::Same
    })
}

/// The options, or `None` for `--help`.
fn parse(args: Vec<String>) -> Result<Option<Options>, String> {
    let mut options = Options::default();
    let mut args = Args::new(args, USAGE);
    while let Some(flag) = args.next_flag() {
        if options.model.take(&flag, &mut args)? {
            continue;
        }
        match flag.as_str() {
            "--base" => options.base = Some(args.value("--base")?),
            "--target-dir" => options.target_dir = Some(PathBuf::from(args.value("--target-dir")?)),
            "--markdown" => options.markdown = true,
            "--max-bytes" => {
                let text = args.value("--max-bytes")?;
                let bytes = text
                    .parse()
                    .map_err(|_| format!("--max-bytes needs a number of bytes, not `{text}`"))?;
                options.max_bytes = Some(bytes);
            }
            "--exit-code" => options.exit_code = true,
            "-h" | "--help" => return Ok(None),
            other => return Err(args.unknown(other)),
        }
    }
    Ok(Some(options))
}

/// `$CARGO_TARGET_DIR/codegen-diff`, else `<workspace>/target/codegen-diff`: apart from
/// the working tree's own builds, shared by every base build.
fn default_target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("codegen-diff")
}
