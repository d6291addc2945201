//! `parallax offline`: turns a Trunk build into one self-contained `parallax.html`, with
//! `parallax_core::offline` (which the app also uses to hand on a reader's articles).
//! `parallax policy`: writes the site's Content-Security-Policy into a Trunk build's page.

use std::path::Path;

use parallax_core::offline;

pub fn write(dist: &Path, out: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let html = String::from_utf8(read(&dist.join("index.html"))?).map_err(|e| e.to_string())?;
    let assets = offline::assets(&html).ok_or_else(|| {
        format!(
            "{}: names no wasm-bindgen output (*.js and *_bg.wasm); run trunk build first",
            dist.display()
        )
    })?;
    let file = |href: &str| dist.join(href.trim_start_matches("./").trim_start_matches('/'));
    let text = |href: &str| String::from_utf8(read(&file(href))?).map_err(|e| e.to_string());
    let glue = text(&assets.glue)?;
    let wasm = read(&file(&assets.wasm))?;
    let stylesheets = assets
        .stylesheets
        .iter()
        .map(|h| text(h))
        .collect::<Result<Vec<_>, _>>()?;
    let page = offline::inline_page(&html, &stylesheets, &glue, &wasm)?;
    let page = offline::with_fragments(&page, &fragment_blocks(&dist.join("fragments"))?);
    std::fs::write(out, page).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes)",
        out.display(),
        std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)
    );
    Ok(())
}

/// Every fragment of a corpus shipped beside the wasm (none when `dir` does not exist), each
/// a block of the page holding its gzipped file.
fn fragment_blocks(dir: &Path) -> Result<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(String::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".gz"))
        .collect();
    names.sort();
    let mut blocks = String::new();
    for file in names {
        let path = dir.join(&file);
        let gzipped = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        blocks.push_str(&offline::fragment_block(file.trim_end_matches(".gz"), &gzipped));
    }
    Ok(blocks)
}

/// Writes the site's policy (its inline scripts by hash) into `dist/index.html`; not into a
/// page for `trunk serve`'s live reload, whose client is rewritten as it is served, so that no
/// hash could allow it (`scripts/serve.sh` serves without it, policy and all).
pub fn write_policy(dist: &Path) -> Result<(), String> {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if html.contains("{{__TRUNK_ADDRESS__}}") {
        eprintln!("parallax policy: a live-reload page (trunk serve) gets no Content-Security-Policy");
        return Ok(());
    }
    let page = offline::with_policy(&html, &offline::site_policy(&html));
    std::fs::write(&path, page).map_err(|e| format!("{}: {e}", path.display()))
}
