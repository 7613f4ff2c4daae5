//! The generated crate's optional AWS parts: with the features `sigv4` and `reqwest`,
//! `Client::from_env()` signs a request (SigV4) and sends it over reqwest to a local
//! server, whose checks (path, headers, the signature recomputed independently) and
//! answer are in `harness/templates/signed_call.rs`; without them, the crate depends on
//! `http` alone. Shown on the FSx crate generated from `model/` into a scratch workspace.

use std::sync::OnceLock;

use codegen_tests::harness::scratch::ScratchCrate;
use codegen_tests::workspace;

/// The scratch crate's name (`fsx_signed::` in the template).
const CRATE: &str = "fsx-signed";

/// What the scratch test needs besides the generated crate's own test dependencies; all
/// in the workspace's Cargo.lock (tokio through examples/aws-call, sha2 through aws-sigv4).
const DEV_DEPENDENCIES: &str = "tokio = { version = \"1.38\", default-features = false, features = [\"rt\", \"macros\"] }\nsha2 = \"0.11\"\n";

/// The crate, generated once for both tests.
fn fsx_crate() -> &'static ScratchCrate {
    static SCRATCH: OnceLock<ScratchCrate> = OnceLock::new();
    SCRATCH.get_or_init(generate)
}

fn generate() -> ScratchCrate {
    let scratch = ScratchCrate::new(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")), CRATE);
    scratch.generate(&workspace().join("model"));
    let manifest = scratch.dir().join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    if !text.contains("sha2") {
        std::fs::write(&manifest, format!("{text}{DEV_DEPENDENCIES}")).unwrap();
    }
    scratch.write(
        "tests/signed_call.rs",
        include_str!("harness/templates/signed_call.rs"),
    );
    scratch
}

/// The package names of `cargo tree` output with `--prefix none`, without repeats.
fn packages(tree: &str) -> Vec<String> {
    let mut names: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn from_env_signs_and_sends_to_a_local_server() {
    let scratch = fsx_crate();
    let run = scratch.cargo_ok(&[
        "test",
        "--features",
        "sigv4,reqwest",
        "--test",
        "signed_call",
    ]);
    assert!(
        run.stdout
            .contains("test from_env_signs_sends_and_parses ... ok"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_default_build_depends_on_http_alone() {
    let scratch = fsx_crate();
    let tree = |features: &[&str]| {
        let mut args = vec!["tree", "-e", "normal", "--prefix", "none"];
        args.extend_from_slice(features);
        packages(&scratch.cargo_ok(&args).stdout)
    };
    let direct = packages(
        &scratch
            .cargo_ok(&["tree", "-e", "normal", "--prefix", "none", "--depth", "1"])
            .stdout,
    );
    assert_eq!(direct, [CRATE, "http"]);
    let default = tree(&[]);
    assert!(default.len() <= 4, "{default:?}"); // the crate, http and http's bytes and itoa
    let full = tree(&["--features", "sigv4,reqwest"]);
    for name in ["aws-sigv4", "reqwest", "rustls"] {
        assert!(full.iter().any(|p| p == name), "{name} missing: {full:?}");
    }
    assert!(
        !full.iter().any(|p| p == "openssl-sys" || p == "aws-lc-sys"),
        "{full:?}"
    );
}
