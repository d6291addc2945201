//! The core's layers have one-way doors: a module may name (`crate::…`, in code or in doc
//! links) only modules of lower layers, so no two modules import each other and no new cycle
//! can creep in. Inside a module's folder, sibling files may not import each other in a
//! circle either. `ARCHITECTURE.md` draws the same table.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom to top. A module imports only modules of the layers before its own.
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["text"],
    &["ingest", "reading", "offline"],
    &["index", "entities"],
    &["quotes", "facts"],
    &["corpus"],
    &["search", "profiles"],
    &["compare", "guide"],
    &["pipeline"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The identifiers following each occurrence of `prefix` in `text` (`crate::` → `search`).
fn names_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    text.match_indices(prefix)
        .map(|(i, _)| {
            let rest = &text[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// The `{…}` groups of `use crate::{a, b::c}` are read as `a` and `b`.
fn modules_named(text: &str) -> BTreeSet<String> {
    let mut named: BTreeSet<String> = names_after(text, "crate::")
        .into_iter()
        .map(String::from)
        .collect();
    for (i, _) in text.match_indices("crate::{") {
        let group = &text[i + "crate::{".len()..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        for item in group.split(',') {
            let head = item.trim().split("::").next().unwrap_or("").trim();
            named.insert(head.to_string());
        }
    }
    named.retain(|n| !n.is_empty() && n.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    named
}

struct Source {
    /// Path under `src/`, with `/` separators.
    path: String,
    text: String,
}

fn sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| Source {
            path: f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/"),
            text: fs::read_to_string(&f).unwrap(),
        })
        .collect()
}

/// The top-level module a file belongs to (`search/engine.rs` → `search`).
fn module_of(path: &str) -> &str {
    path.split('/').next().unwrap().trim_end_matches(".rs")
}

#[test]
fn every_module_has_a_layer() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .collect();
    let layered: BTreeSet<&str> = LAYERS.iter().flat_map(|l| l.iter().copied()).collect();
    assert_eq!(
        declared, layered,
        "lib.rs's modules must be the layers of this test"
    );
    for s in sources() {
        let m = module_of(&s.path);
        assert!(m == "lib" || layer_of(m).is_some(), "{} is in no layer", s.path);
    }
}

#[test]
fn modules_import_only_lower_layers() {
    let mut wrong = Vec::new();
    for s in sources() {
        let module = module_of(&s.path);
        let Some(own) = layer_of(module) else { continue };
        for named in modules_named(&s.text) {
            if named == module {
                continue;
            }
            match layer_of(&named) {
                Some(layer) if layer < own => {}
                Some(_) => wrong.push(format!("{} (layer {own}) names crate::{named}", s.path)),
                None => wrong.push(format!("{} names crate::{named}, which is in no layer", s.path)),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that go up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn sibling_files_do_not_import_each_other_in_a_circle() {
    let sources = sources();
    // Edges between sibling files of one folder: `super::name` in a.rs, or
    // `crate::module::name`, where `name.rs` or `name/` is a sibling.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &sources {
        let Some((folder, file)) = s.path.rsplit_once('/') else {
            continue;
        };
        if file == "mod.rs" {
            continue;
        }
        let sibling = |name: &str| {
            let candidates = [format!("{folder}/{name}.rs"), format!("{folder}/{name}/mod.rs")];
            candidates
                .into_iter()
                .find(|c| sources.iter().any(|o| &o.path == c))
        };
        let mut named = names_after(&s.text, "super::");
        let absolute = format!("crate::{}::", folder.replace('/', "::"));
        named.extend(names_after(&s.text, &absolute));
        for name in named {
            if let Some(target) = sibling(name).filter(|t| *t != s.path) {
                edges.entry(s.path.clone()).or_default().insert(target);
            }
        }
    }
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            return Some(path[i..].to_vec());
        }
        if !done.insert(node.to_string()) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        let cycle = visit(node, &edges, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "files import each other in a circle: {:?}",
            cycle.unwrap()
        );
    }
}

#[test]
fn the_checker_sees_grouped_and_nested_imports() {
    let text = "use crate::{model::Span, text::tokenize::fold};\nuse crate::entities::Entity;\n/// [`crate::search`]";
    let named: Vec<String> = modules_named(text).into_iter().collect();
    assert_eq!(named, ["entities", "model", "search", "text"]);
}
