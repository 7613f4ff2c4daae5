//! The committed `generated/` crate is exactly what the generator makes from `model/`,
//! and generating twice gives the same bytes.

use codegen_tests::{diff_file_sets, generated_files_on_disk, render, workspace};

#[test]
fn committed_output_matches_a_fresh_generation() {
    let fresh = render(&workspace().join("model"));
    let committed = generated_files_on_disk(&workspace().join("generated"));
    let diff = diff_file_sets(&committed, &fresh);
    assert!(
        diff.is_empty(),
        "generated/ is stale; run `cargo run -p codegen` and commit the result:\n{diff}"
    );
}

#[test]
fn two_generations_are_byte_identical() {
    let first = render(&workspace().join("model"));
    let second = render(&workspace().join("model"));
    assert_eq!(first, second);
}

#[test]
fn every_generated_file_carries_the_generated_header() {
    for (path, text) in render(&workspace().join("model")) {
        let first = text.lines().next().unwrap_or_default();
        assert!(first.contains("@generated"), "{path} starts with {first:?}");
    }
}
