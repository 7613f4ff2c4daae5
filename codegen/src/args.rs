//! Command-line arguments of the `codegen` and `codegen-diff` binaries: flags read one
//! by one (a flag's value is the next argument), the model options both commands take,
//! and the workspace they run in. Not needed by a build script.

use std::path::{Path, PathBuf};

/// The arguments not read yet, and the usage text errors end with.
pub struct Args {
    rest: std::vec::IntoIter<String>,
    usage: &'static str,
}

impl Args {
    pub fn new(args: Vec<String>, usage: &'static str) -> Self {
        Args {
            rest: args.into_iter(),
            usage,
        }
    }

    /// The next flag, `None` when all are read.
    pub fn next_flag(&mut self) -> Option<String> {
        self.rest.next()
    }

    /// The value of `flag`: the next argument.
    pub fn value(&mut self, flag: &str) -> Result<String, String> {
        let usage = self.usage;
        self.rest
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n\n{usage}"))
    }

    /// The error for a flag the command does not take.
    pub fn unknown(&self, flag: &str) -> String {
        format!("unknown argument `{flag}`\n\n{}", self.usage)
    }
}

/// `--model`, `--operation` and `--crate-name`: what to generate.
#[derive(Default)]
pub struct ModelOptions {
    pub models: Vec<PathBuf>,
    pub service: Option<String>,
    pub operations: Vec<String>,
    pub crate_name: Option<String>,
}

impl ModelOptions {
    /// Reads `flag` and its value when it is one of these options; `false` otherwise.
    pub fn take(&mut self, flag: &str, args: &mut Args) -> Result<bool, String> {
        match flag {
            "--model" => self.models.push(PathBuf::from(args.value(flag)?)),
            "--service" => self.service = Some(args.value(flag)?),
            "--operation" => self.operations.push(args.value(flag)?),
            "--crate-name" => self.crate_name = Some(args.value(flag)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The model paths given, else `<workspace>/model`.
    pub fn model_paths(&self) -> Vec<PathBuf> {
        if self.models.is_empty() {
            vec![workspace_path("model")]
        } else {
            self.models.clone()
        }
    }

    /// The generator configured with these options (no output chosen yet).
    pub fn config(&self) -> crate::Config {
        let mut config = crate::Config::new().operations(self.operations.clone());
        for model in self.model_paths() {
            config = config.model(model);
        }
        if let Some(name) = &self.crate_name {
            config = config.crate_name(name);
        }
        if let Some(service) = &self.service {
            config = config.service(service);
        }
        config
    }
}

/// The workspace these binaries were built in (it holds `model/` and `generated/`).
pub fn workspace_root() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    workspace.canonicalize().unwrap_or(workspace)
}

/// `<workspace>/<name>`, relative to the current directory when that is the workspace.
pub fn workspace_path(name: &str) -> PathBuf {
    let workspace = workspace_root();
    match std::env::current_dir() {
        Ok(cwd) if cwd == workspace => PathBuf::from(name),
        _ => workspace.join(name),
    }
}
