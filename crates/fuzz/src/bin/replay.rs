//! `replay --seed-dirs TARGET`: prints the folders that seed the target, one per line.
//!
//! `replay TARGET PATH...`: runs every file under the paths through one fuzz target and prints
//! how long each took. An input that takes over 100 times the median per byte is a finding
//! (a hang in the making); the command then exits with status 1.
//!
//! Times are the fastest of three runs of each input, per byte of input plus 256 (so tiny inputs
//! are not judged by a clock tick).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(name), paths) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!("usage: replay TARGET PATH...");
        std::process::exit(2);
    };
    if name == "--seed-dirs" {
        paths
            .iter()
            .flat_map(|t| parallax_fuzz::seed_dirs(t))
            .for_each(|d| println!("{d}"));
        return;
    }
    let Some(target) = parallax_fuzz::target(&name) else {
        eprintln!(
            "no target {name:?}; targets: {:?}",
            parallax_fuzz::TARGETS.map(|(n, _)| n)
        );
        std::process::exit(2);
    };
    let mut files = Vec::new();
    for p in &paths {
        collect(Path::new(p), &mut files);
    }
    let mut timed: Vec<(f64, Duration, usize, PathBuf)> = Vec::new();
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        let best = (0..3)
            .map(|_| {
                let started = Instant::now();
                target(&bytes);
                started.elapsed()
            })
            .min()
            .unwrap_or_default();
        let per_byte = best.as_nanos() as f64 / (bytes.len() + 256) as f64;
        timed.push((per_byte, best, bytes.len(), file));
    }
    if timed.is_empty() {
        println!("{name}: no inputs");
        return;
    }
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = timed[timed.len() / 2].0;
    let (slowest, took, len, file) = timed.last().expect("not empty");
    let ratio = slowest / median.max(f64::MIN_POSITIVE);
    println!(
        "{name}: {} inputs, median {median:.1} ns per byte, slowest {:.0} µs ({len} bytes, {}), {ratio:.1}× the median",
        timed.len(),
        took.as_secs_f64() * 1e6,
        file.display()
    );
    if ratio > 100.0 {
        println!("{name}: FINDING: an input takes over 100× the median time per byte");
        std::process::exit(1);
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        paths.iter().for_each(|p| collect(p, out));
    } else {
        out.push(path.to_path_buf());
    }
}
