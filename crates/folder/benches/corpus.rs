//! Benchmark (not a test): native throughput of the build step and query latency.
//!
//! `cargo bench -p parallax-folder --bench corpus -- DIR [QUERIES.json]` reads every `.txt` of
//! DIR, then prints the throughput of ingestion, the whole build (on one core, then shared out
//! among every core as the site's build runs it) and each of its stages (MB of text per second,
//! one core), the counting of Compare's prior, the bundle size as a share of the text, the cost
//! of the page's warm-up, and the latency of the queries (the peers harness' `queries.json` by
//! default, when present): a cold pass, each query for the first time, then five warm passes.

use std::path::Path;
use std::time::Instant;

use parallax_core::search::{search_top, warm_up_queries};
use parallax_core::{build_corpus, encode_bundle, ingest, Extension, Metadata, SourceFile, Workers};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = args.first().map(Into::into).unwrap_or_else(|| root.join("seeds"));
    let paths = parallax_folder::corpus_inputs(&dir).expect("corpus folder");
    let data: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect();
    let bytes: usize = data.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} ({} articles, {mb:.1} MB of text)",
        dir.display(),
        data.len()
    );

    let t = Instant::now();
    for (name, b) in &data {
        std::hint::black_box(ingest(name, b));
    }
    let ingest_s = t.elapsed().as_secs_f64();
    println!(
        "ingestion:            {:>8.1} MB/s ({ingest_s:.2} s)",
        mb / ingest_s
    );

    let files: Vec<SourceFile> = data
        .iter()
        .map(|(name, bytes)| SourceFile { name, bytes })
        .collect();
    let t = Instant::now();
    let corpus = build_corpus(&files, &Metadata::default()).unwrap();
    let build_s = t.elapsed().as_secs_f64();
    println!(
        "whole build:          {:>8.1} MB/s ({build_s:.2} s: ingestion and every stage below)",
        mb / build_s
    );
    let threads = parallax_folder::Threads::all();
    let t = Instant::now();
    let shared = parallax_core::build_corpus_on(&files, &Metadata::default(), &threads).unwrap();
    let shared_s = t.elapsed().as_secs_f64();
    assert!(shared.articles.len() == corpus.articles.len());
    println!(
        "whole build, {} threads: {:>5.1} MB/s ({shared_s:.2} s, as the site's build runs it)",
        threads.count(),
        mb / shared_s
    );
    drop(shared);
    // Each corpus-wide stage, in the slices the browser runs between pauses: the longest slice
    // is how long the page would be held (natively; wasm is slower).
    let mut analysis = Extension::new(&corpus).finish();
    let mut stages: Vec<(parallax_core::Stage, f64, f64, usize)> = Vec::new();
    let analysed = loop {
        let stage = analysis.next_stage();
        let t = Instant::now();
        let done = analysis.step();
        let s = t.elapsed().as_secs_f64();
        match stages.last_mut() {
            Some((st, total, longest, steps)) if *st == stage => {
                *total += s;
                *longest = longest.max(s);
                *steps += 1;
            }
            _ => stages.push((stage, s, s, 1)),
        }
        if let Some(c) = done {
            break c;
        }
    };
    for (stage, total, longest, steps) in stages {
        println!(
            "  {:<20}{:>8.1} MB/s ({total:.2} s in {steps} steps, longest {:.0} ms)",
            format!("{stage:?}:"),
            mb / total,
            longest * 1000.0
        );
    }
    println!(
        "  ({} entities, {} quotes)",
        analysed.entities.len(),
        analysed.quotes.len()
    );

    // Compare's prior: what the build counts for a fragmented corpus, and the page for one
    // inside the wasm.
    let t = Instant::now();
    let prior = parallax_core::compare::Prior::of(&corpus);
    println!(
        "Compare's prior:      {:>8.1} MB/s ({:.2} s: {} terms counted, {} kept, seen twice or more)",
        mb / t.elapsed().as_secs_f64(),
        t.elapsed().as_secs_f64(),
        prior.total,
        prior.entries().count()
    );
    drop(prior);

    let bundle = encode_bundle(&corpus);
    let mut index_only = corpus.clone();
    index_only.index = Default::default();
    let mut no_entities = corpus.clone();
    no_entities.entities.clear();
    no_entities.quotes.clear();
    let entity_bytes = bundle.len() - encode_bundle(&no_entities).len();
    let index_bytes = bundle.len() - encode_bundle(&index_only).len();
    println!(
        "bundle: {:.1} MB; index {:.1} MB = {:.0}% of the text; terms: {} exact, {} stems",
        bundle.len() as f64 / 1e6,
        index_bytes as f64 / 1e6,
        100.0 * index_bytes as f64 / bytes as f64,
        corpus.index.exact.terms.len(),
        corpus.index.stems.terms.len()
    );
    println!(
        "entities and quotes in the bundle: {:.1} MB ({} entities, {} quotes)",
        entity_bytes as f64 / 1e6,
        corpus.entities.len(),
        corpus.quotes.len()
    );

    let queries_file = args
        .get(1)
        .map(Into::into)
        .unwrap_or_else(|| root.join("../shared/bench/peers/queries.json"));
    let Ok(text) = std::fs::read_to_string(&queries_file) else {
        println!("queries: {} not found, latency skipped", queries_file.display());
        return;
    };
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let queries: Vec<String> = json["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["q"].as_str().unwrap().to_string())
        .collect();
    // As the page does once idle, then as the peers harness does: one cold pass (each query
    // for the first time), then warm passes; no answer cache is involved.
    let t = Instant::now();
    let warm_up = warm_up_queries(&corpus);
    for q in &warm_up {
        std::hint::black_box(search_top(&corpus, q, 10));
    }
    println!(
        "warm-up (the page runs it once idle): {} queries in {:.1} ms",
        warm_up.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let run = |q: &String| {
        let t = Instant::now();
        std::hint::black_box(search_top(&corpus, q, 3));
        t.elapsed().as_secs_f64() * 1e3
    };
    let cold: Vec<f64> = queries.iter().map(run).collect();
    let mut by_query = vec![f64::INFINITY; queries.len()];
    let mut warm = Vec::new();
    for _ in 0..5 {
        for (i, q) in queries.iter().enumerate() {
            let ms = run(q);
            by_query[i] = by_query[i].min(ms);
            warm.push(ms);
        }
    }
    let mut slowest: Vec<(f64, &String)> = by_query.into_iter().zip(&queries).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let shown: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(ms, q)| format!("{q:?} {ms:.3} ms"))
        .collect();
    println!("slowest queries (fastest of 5 runs): {}", shown.join(", "));
    let stats = |mut samples: Vec<f64>| {
        samples.sort_by(f64::total_cmp);
        let pct = |p: f64| samples[((samples.len() - 1) as f64 * p) as usize];
        format!(
            "median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
            pct(0.5),
            pct(0.95),
            samples[samples.len() - 1]
        )
    };
    println!(
        "native query latency (top 3 as window.parallax.search asks, without its cache), {} queries: cold pass {}; warm (x5) {}",
        queries.len(),
        stats(cold),
        stats(warm)
    );
}
