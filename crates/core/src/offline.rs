//! The single offline file: a Trunk build inlined into one self-contained HTML page, and the
//! block of reader-added articles such a page can carry; and the Content-Security-Policy of both
//! the site's page and the offline page.
//!
//! The policy lets a page run only its own code: on the site, its own files ('self') and Trunk's
//! loader, an inline script allowed by its hash; in the offline file, only its one inline
//! script and one inline stylesheet, by hash. Wasm may be compiled ('wasm-unsafe-eval'); no
//! other origin is reachable, and nothing can be framed, posted or based elsewhere. So if a
//! document's text ever escaped into markup, it could neither run nor load anything.
//!
//! Browsers refuse to fetch a wasm module from `file://`, so the offline page must fetch
//! nothing: stylesheets become `<style>`, the wasm-bindgen glue an inline module script (its
//! `export`s dropped), and the wasm base64 text decoded in the page and handed to the glue's
//! init function as bytes. The `parallax` command builds it from `dist/`; the app builds it in
//! the browser (from its own page and assets) to hand on the articles a reader added.

/// The `id` of the `<script type="application/json">` element holding added articles.
pub const ADDED_BLOCK_ID: &str = "parallax-added";

/// The `id` of a corpus fragment's block is this, then the fragment's file name: a
/// `<script type="application/octet-stream">` holding the file gzipped, in base64. The page
/// reads a fragment from its block when it has one, else fetches it from `fragments/`.
pub const FRAGMENT_BLOCK_PREFIX: &str = "parallax-fragment-";
const FRAGMENT_BLOCK_TYPE: &str = "<script type=\"application/octet-stream\" id=\"";

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
    // One stylesheet, in cascade order. Line breaks are written as the HTML parser leaves them
    // (`\r\n` becomes `\n`), so the hashes below are those of the text the browser sees.
    let css = unix_lines(&stylesheets.join("\n")).replace("</style", "<\\/style");
    let script = format!(
        "\n{}\nconst parallaxWasm = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n\
         await __wbg_init({{ module_or_path: parallaxWasm }});\n",
        unix_lines(&glue_body).replace("</script", "<\\/script"),
        base64(wasm)
    );
    let policy = offline_policy(&sha256_source(&script), &sha256_source(&css));
    page.insert_str(
        head_end,
        &format!("<style>{css}</style>\n<script type=\"module\">{script}</script>\n"),
    );
    Ok(with_policy(&page, &policy))
}

/// `\r\n` and `\r` written as `\n`.
fn unix_lines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The policy of the offline page: its one script and one stylesheet, by hash; wasm; images
/// written into the page (`data:`, and `blob:` for downloads); workers whose program the page
/// wrote (`blob:`, the app's unpacking worker); nothing else.
fn offline_policy(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' '{script}'; style-src '{style}'; \
         img-src data: blob:; worker-src blob:; base-uri 'none'; form-action 'none'"
    )
}

/// The policy of the site's page: its own files, wasm, the inline scripts `html` holds
/// (Trunk's loader; the dev server's reload client), each by hash, and workers whose program
/// the page wrote (`blob:`).
pub fn site_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .iter()
        .map(|s| format!(" '{}'", sha256_source(s)))
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'; \
         img-src 'self' data: blob:; worker-src blob:; connect-src 'self'; base-uri 'none'; \
         form-action 'none'",
        hashes.concat()
    )
}

/// The marker of the policy's `<meta>` element.
const POLICY_META: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// `html` with its Content-Security-Policy `<meta>` replaced by one holding `policy`, or one
/// added first in its head.
pub fn with_policy(html: &str, policy: &str) -> String {
    let meta = format!("{POLICY_META} content=\"{policy}\">");
    if let Some(start) = html.find(POLICY_META) {
        let end = html[start..].find('>').map_or(html.len(), |e| start + e + 1);
        return format!("{}{meta}{}", &html[..start], &html[end..]);
    }
    // Right after `<head>`, so the policy is in force before any script.
    let at = html.find("<head>").map(|h| h + "<head>".len()).unwrap_or(0);
    format!("{}\n{meta}{}", &html[..at], &html[at..])
}

/// The policy in force in `html`, if it has one.
pub fn policy(html: &str) -> Option<&str> {
    let start = html.find(POLICY_META)? + POLICY_META.len();
    let rest = html[start..].strip_prefix(" content=\"")?;
    Some(&rest[..rest.find('"')?])
}

/// The text of every inline script that runs (not JSON data, not `src=` scripts).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        rest = &rest[i..];
        let Some(open_end) = rest.find('>') else { break };
        let open = rest[..open_end].to_ascii_lowercase();
        let body = &rest[open_end + 1..];
        let close = body.find("</script>").unwrap_or(body.len());
        if !open.contains("application/json") && !open.contains(" src=") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

/// A CSP hash source, `sha256-…`, of `text`.
fn sha256_source(text: &str) -> String {
    use sha2::Digest;
    format!("sha256-{}", base64(&sha2::Sha256::digest(text.as_bytes())))
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

/// The block carrying the fragment `name`, whose bytes gzipped are `gzipped` (see
/// [`FRAGMENT_BLOCK_PREFIX`]).
pub fn fragment_block(name: &str, gzipped: &[u8]) -> String {
    format!(
        "{FRAGMENT_BLOCK_TYPE}{FRAGMENT_BLOCK_PREFIX}{name}\">{}</script>\n",
        base64(gzipped)
    )
}

/// `page` with `blocks` (made by [`fragment_block`]) at the end of its body.
pub fn with_fragments(page: &str, blocks: &str) -> String {
    let mut out = page.to_string();
    out.insert_str(out.rfind("</body>").unwrap_or(out.len()), blocks);
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

/// The bytes of standard base64 text (RFC 4648; padding optional, ASCII whitespace skipped);
/// `None` for any other character.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.as_bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6 | u32::from(v)) & 0xff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
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
            assert_eq!(from_base64(want).as_deref(), Some(input.as_bytes()));
        }
        assert_eq!(
            from_base64("Zm9v\nYmFy").as_deref(),
            Some(&b"foobar"[..]),
            "line breaks skipped"
        );
        assert_eq!(from_base64("Zm9v<"), None);
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(from_base64(&base64(&bytes)), Some(bytes));
    }

    #[test]
    fn fragment_blocks_go_at_the_end_of_the_body() {
        let page = "<html><head></head><body><main></main>\n</body></html>";
        let blocks = fragment_block("00ff.bin", &[1, 2, 3]) + &fragment_block("0a0b.bin", &[4]);
        let carried = with_fragments(page, &blocks);
        assert_eq!(
            carried,
            "<html><head></head><body><main></main>\n\
             <script type=\"application/octet-stream\" id=\"parallax-fragment-00ff.bin\">AQID</script>\n\
             <script type=\"application/octet-stream\" id=\"parallax-fragment-0a0b.bin\">BA==</script>\n\
             </body></html>"
        );
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
        assert!(page.contains("<style>body{}</style>"));
        assert!(page.contains("function initSync(m)") && !page.contains("export"));
        assert!(page.contains("atob(\"AGFzbQ==\")"));
        assert!(page.contains("<title>P</title>") && page.contains("<main></main>"));
        assert_eq!(assets(&page), None);
    }

    #[test]
    fn policies_allow_exactly_the_pages_own_inline_code() {
        assert_eq!(
            sha256_source("abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        let site = site_policy(TRUNK_PAGE);
        let loader = "import init from './a.js'; await init('./a_bg.wasm');";
        assert!(site.contains(&sha256_source(loader)), "{site}");
        assert!(site.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(site.contains("connect-src 'self'") && site.starts_with("default-src 'none'"));
        let page = with_policy(TRUNK_PAGE, &site);
        assert_eq!(policy(&page), Some(site.as_str()));
        assert!(
            page.find(POLICY_META) < page.find("<script"),
            "the policy comes before any script"
        );
        let replaced = with_policy(&page, "default-src 'none'");
        assert_eq!(replaced.matches(POLICY_META).count(), 1);
        assert_eq!(policy(&replaced), Some("default-src 'none'"));

        let offline = inline_page(&page, &["a{}\r\n".into(), "b{}".into()], "let x;\r\n", b"\0asm").unwrap();
        let p = policy(&offline).unwrap();
        assert_eq!(offline.matches(POLICY_META).count(), 1);
        assert!(!p.contains("'self'") && !p.contains("connect-src") && !offline.contains('\r'));
        let scripts = inline_scripts(&offline);
        assert_eq!(scripts.len(), 1, "only the app's own script runs");
        assert!(p.contains(&format!(
            "script-src 'wasm-unsafe-eval' '{}'",
            sha256_source(scripts[0])
        )));
        let css = &offline[offline.find("<style>").unwrap() + 7..offline.find("</style>").unwrap()];
        assert_eq!(css, "a{}\n\nb{}");
        assert!(p.contains(&format!("style-src '{}'", sha256_source(css))));
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
