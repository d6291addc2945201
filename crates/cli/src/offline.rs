//! `parallax offline`: turns a Trunk build into one self-contained `parallax.html`.
//!
//! Browsers refuse to fetch a wasm module from `file://`, so the offline file must fetch
//! nothing: the stylesheet becomes a `<style>`, the wasm-bindgen glue an inline module script
//! (its `export`s dropped), and the wasm base64 text decoded in the page and handed to the glue's
//! init function as bytes.

use std::path::Path;

pub fn write(dist: &Path, out: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let html = String::from_utf8(read(&dist.join("index.html"))?).map_err(|e| e.to_string())?;
    let (glue_name, wasm_name) = find_outputs(dist)?;
    let glue = String::from_utf8(read(&dist.join(&glue_name))?).map_err(|e| e.to_string())?;
    let wasm = read(&dist.join(&wasm_name))?;
    let mut stylesheets = Vec::new();
    for href in link_hrefs(&html, "stylesheet") {
        let css = String::from_utf8(read(
            &dist.join(href.trim_start_matches("./").trim_start_matches('/')),
        )?)
        .map_err(|e| e.to_string())?;
        stylesheets.push(css);
    }
    let page = inline_page(&html, &stylesheets, &glue, &wasm)?;
    std::fs::write(out, page).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes)",
        out.display(),
        std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)
    );
    Ok(())
}

/// The wasm-bindgen glue (`*.js`) and module (`*_bg.wasm`) in a Trunk dist folder.
fn find_outputs(dist: &Path) -> Result<(String, String), String> {
    let mut glue = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let name = entry
            .map_err(|e| e.to_string())?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.ends_with(".js") {
            glue = Some(name);
        }
    }
    match (glue, wasm) {
        (Some(g), Some(w)) => Ok((g, w)),
        _ => Err(format!(
            "{}: no wasm-bindgen output (*.js and *_bg.wasm); run trunk build first",
            dist.display()
        )),
    }
}

/// Builds the self-contained page from Trunk's `index.html`.
fn inline_page(html: &str, stylesheets: &[String], glue: &str, wasm: &[u8]) -> Result<String, String> {
    let mut page = String::with_capacity(html.len() + glue.len() + wasm.len() * 4 / 3 + 1024);
    let mut rest = html;
    // Drop every <link> that points at a built file and Trunk's loader script.
    while let Some(i) = rest.find('<') {
        page.push_str(&rest[..i]);
        rest = &rest[i..];
        let tag_end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("<link")
            && ["stylesheet", "modulepreload", "preload"]
                .iter()
                .any(|r| has_rel(&lower, r))
        {
            rest = &rest[tag_end..];
            continue;
        }
        if lower.starts_with("<script") && lower.contains("type=\"module\"") {
            let close = rest
                .find("</script>")
                .ok_or("unterminated <script> in index.html")?
                + "</script>".len();
            rest = &rest[close..];
            continue;
        }
        page.push_str(tag);
        rest = &rest[tag_end..];
    }
    page.push_str(rest);
    let head_end = page.find("</head>").ok_or("index.html has no </head>")?;
    let glue_body: String = glue
        .lines()
        .filter(|l| !l.starts_with("export default "))
        .map(|l| {
            let l = l.strip_prefix("export ").unwrap_or(l);
            if l.starts_with("{ ") && l.trim_end().ends_with("};") {
                String::new() // `export { initSync, __wbg_init as default };`
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut inject = String::new();
    for css in stylesheets {
        inject.push_str("<style>\n");
        inject.push_str(&css.replace("</style", "<\\/style"));
        inject.push_str("\n</style>\n");
    }
    inject.push_str("<script type=\"module\">\n");
    inject.push_str(&glue_body.replace("</script", "<\\/script"));
    inject.push_str("\nconst parallaxWasm = Uint8Array.from(atob(\"");
    inject.push_str(&base64(wasm));
    inject.push_str(
        "\"), (c) => c.charCodeAt(0));\nawait __wbg_init({ module_or_path: parallaxWasm });\n</script>\n",
    );
    page.insert_str(head_end, &inject);
    Ok(page)
}

fn has_rel(tag: &str, rel: &str) -> bool {
    tag.contains(&format!("rel=\"{rel}\"")) || tag.contains(&format!("rel={rel}"))
}

/// The `href`s of `<link rel="REL">` tags.
fn link_hrefs<'h>(html: &'h str, rel: &str) -> Vec<&'h str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<link") {
        rest = &rest[i..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if has_rel(&tag.to_ascii_lowercase(), rel) {
            if let Some(h) = tag.find("href=\"") {
                let v = &tag[h + 6..];
                out.push(&v[..v.find('"').unwrap_or(v.len())]);
            }
        }
        rest = &rest[end..];
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> shift & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn inlines_everything_and_keeps_the_rest() {
        let html = "<html><head><link rel=\"stylesheet\" href=\"./s.css\" integrity=\"x\">\
                    <link rel=\"modulepreload\" href=\"./a.js\"><title>P</title>\
                    <script type=\"module\">import init from './a.js'; await init('./a_bg.wasm');</script>\
                    </head><body><main></main></body></html>";
        let glue = "let wasm;\nexport function initSync(m) {}\nasync function __wbg_init(m) {}\n\
                    export { initSync };\nexport default __wbg_init;\n";
        let page = inline_page(html, &["body{}".to_string()], glue, b"\0asm").unwrap();
        assert!(!page.contains("./a.js") && !page.contains("./s.css") && !page.contains("a_bg.wasm"));
        assert!(page.contains("<style>\nbody{}\n</style>"));
        assert!(page.contains("function initSync(m)") && !page.contains("export"));
        assert!(page.contains("atob(\"AGFzbQ==\")"));
        assert!(page.contains("<title>P</title>") && page.contains("<main></main>"));
    }
}
