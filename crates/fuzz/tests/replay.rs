//! Every fuzz finding stays fixed: each file of every target's seed folders
//! ([`parallax_fuzz::seed_dirs`]: its `regressions/` and `seeds/`, the bundled corpus…) runs
//! through the target here, in the ordinary test run.

use std::path::{Path, PathBuf};

#[test]
fn every_seed_and_regression_input_keeps_its_targets_promises() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut ran = 0;
    for (name, target) in parallax_fuzz::TARGETS {
        let mut inputs: Vec<PathBuf> = parallax_fuzz::seed_dirs(name)
            .iter()
            .filter_map(|dir| std::fs::read_dir(root.join(dir)).ok())
            .flat_map(|entries| entries.flatten().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "target {name} has no seed inputs");
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(outcome.is_ok(), "target {name} fails on {}", input.display());
            ran += 1;
        }
    }
    assert!(ran > 40, "only {ran} inputs found");
}
