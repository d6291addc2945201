//! The single offline file: a Trunk build inlined into one self-contained HTML page, and the
//! block of reader-added articles such a page can carry.
//!
//! Browsers refuse to fetch a wasm module from `file://`, so the offline page must fetch
//! nothing: stylesheets become `<style>`, the wasm-bindgen glue an inline module script (its
//! `export`s dropped), and the wasm base64 text decoded in the page and handed to the glue's
//! init function as bytes. The `parallax` command builds it from `dist/`; the app builds it in
//! the browser (from its own page and assets) to hand on the articles a reader added.

/// The `id` of the `<script type="application/json">` element holding added articles.
pub const ADDED_BLOCK_ID: &str = "parallax-added";

/// The built files a Trunk `index.html` loads, as written in its links (relative URLs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    /// The wasm-bindgen glue (`*.js`).
    pub glue: String,
    /// The wasm module (`*_bg.wasm`).
    pub wasm: String,
    pub stylesheets: Vec<String>,
}

/// The files `html` (a Trunk-built `index.html`) loads; `None` when it names no glue or wasm
/// (a page that is already inlined).
pub fn assets(html: &str) -> Option<Assets> {
    let glue = link_hrefs(html, "modulepreload")
        .into_iter()
        .find(|h| h.ends_with(".js"))?;
    let wasm = link_hrefs(html, "preload")
        .into_iter()
        .find(|h| h.ends_with(".wasm"))?;
    Some(Assets {
        glue: glue.to_string(),
        wasm: wasm.to_string(),
        stylesheets: link_hrefs(html, "stylesheet")
            .into_iter()
            .map(str::to_string)
            .collect(),
    })
}

/// Builds the self-contained page from Trunk's `index.html`: links to built files and every
/// script are dropped (Trunk's loader, a dev server's reload script), except blocks of JSON
/// data; the stylesheets, glue and wasm are written into the head.
pub fn inline_page(html: &str, stylesheets: &[String], glue: &str, wasm: &[u8]) -> Result<String, String> {
    let mut page = String::with_capacity(html.len() + glue.len() + wasm.len() * 4 / 3 + 1024);
    let mut rest = html;
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
        if lower.starts_with("<script") && !lower.contains("application/json") {
            let close = rest
                .find("</script>")
                .ok_or("unterminated <script> in the page")?
                + "</script>".len();
            rest = &rest[close..];
            continue;
        }
        page.push_str(tag);
        rest = &rest[tag_end..];
    }
    page.push_str(rest);
    let head_end = page.find("</head>").ok_or("the page has no </head>")?;
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

/// `page` with its added-articles block replaced by one holding `json` (or without a block when
/// `json` is `None`). `<` in the JSON is written as `\u003c`, so no text can end the block.
pub fn with_added(page: &str, json: Option<&str>) -> String {
    let open = format!("<script type=\"application/json\" id=\"{ADDED_BLOCK_ID}\">");
    let mut out = match page.find(&open) {
        Some(start) => {
            let end = page[start..]
                .find("</script>")
                .map_or(page.len(), |e| start + e + "</script>".len());
            let after = &page[end..];
            format!("{}{}", &page[..start], after.strip_prefix('\n').unwrap_or(after))
        }
        None => page.to_string(),
    };
    if let Some(json) = json {
        let block = format!("{open}{}</script>\n", json.replace('<', "\\u003c"));
        let at = out.rfind("</body>").unwrap_or(out.len());
        out.insert_str(at, &block);
    }
    out
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

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
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

    const TRUNK_PAGE: &str = "<html><head><link rel=\"stylesheet\" href=\"./s.css\" integrity=\"x\">\
        <link rel=\"modulepreload\" href=\"./a.js\" crossorigin=\"anonymous\">\
        <link rel=\"preload\" href=\"./a_bg.wasm\" as=\"fetch\"><title>P</title>\
        <script type=\"module\">import init from './a.js'; await init('./a_bg.wasm');</script>\
        <script>new WebSocket('ws://reload')</script>\
        </head><body><main></main></body></html>";

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
    fn finds_the_built_files_a_trunk_page_loads() {
        let found = assets(TRUNK_PAGE).unwrap();
        assert_eq!(found.glue, "./a.js");
        assert_eq!(found.wasm, "./a_bg.wasm");
        assert_eq!(found.stylesheets, ["./s.css"]);
        assert_eq!(assets("<html><head></head></html>"), None);
    }

    #[test]
    fn inlines_everything_and_keeps_the_rest() {
        let glue = "let wasm;\nexport function initSync(m) {}\nasync function __wbg_init(m) {}\n\
                    export { initSync };\nexport default __wbg_init;\n";
        let page = inline_page(TRUNK_PAGE, &["body{}".to_string()], glue, b"\0asm").unwrap();
        assert!(!page.contains("./a.js") && !page.contains("./s.css") && !page.contains("a_bg.wasm"));
        assert!(
            !page.contains("WebSocket"),
            "a dev server's reload script is dropped"
        );
        assert!(page.contains("<style>\nbody{}\n</style>"));
        assert!(page.contains("function initSync(m)") && !page.contains("export"));
        assert!(page.contains("atob(\"AGFzbQ==\")"));
        assert!(page.contains("<title>P</title>") && page.contains("<main></main>"));
        assert_eq!(assets(&page), None);
    }

    #[test]
    fn added_block_is_replaced_and_cannot_be_closed_by_its_text() {
        let page = "<html><head></head><body><p>x</p></body></html>";
        let one = with_added(page, Some(r#"{"text":"</script><script>alert(1)</script>"}"#));
        assert!(one.contains(
            r#"id="parallax-added">{"text":"\u003c/script>\u003cscript>alert(1)\u003c/script>"}</script>"#
        ));
        assert!(one.ends_with("</script>\n</body></html>"));
        let two = with_added(&one, Some("[]"));
        assert_eq!(two.matches(ADDED_BLOCK_ID).count(), 1);
        assert!(two.contains(">[]</script>"));
        assert_eq!(with_added(&two, None), page);
        // Inlining keeps the block.
        let inlined = inline_page(&format!("<head></head>{}", &two[25..]), &[], "", b"").unwrap();
        assert!(inlined.contains(">[]</script>"));
    }
}
