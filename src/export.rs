//! Exports: CSV text, and handing a file to the browser's download.

/// RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends, after a byte-order mark so
/// spreadsheet programs read it as UTF-8 (curly quotes and accents intact). A field starting with
/// `=`, `+`, `-` or `@` gets a leading apostrophe so spreadsheets do not run it as a formula.
pub fn to_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let field = |s: &str| {
        let guarded = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", guarded.replace('"', "\"\""))
    };
    let mut out = String::from('\u{FEFF}');
    out.push_str(&header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Offers `contents` as a file download (a same-page `blob:` URL; nothing leaves the browser).
pub fn download(file_name: &str, mime: &str, contents: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = leptos::prelude::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A piece of a download's file name from free text: lower-case letters and digits, other
/// runs as one `-`, at most 40 characters.
pub fn file_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().take(40) {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fields_and_guards_formulas() {
        let csv = to_csv(
            &["a", "b"],
            [vec!["say \"hi\", ok".to_string(), "=SUM(A1)".to_string()]].into_iter(),
        );
        assert_eq!(
            csv,
            "\u{FEFF}\"a\",\"b\"\r\n\"say \"\"hi\"\", ok\",\"'=SUM(A1)\"\r\n"
        );
    }

    #[test]
    fn file_names_from_any_text() {
        assert_eq!(
            file_slug("  \"Internal affairs\" outlet:RT "),
            "internal-affairs-outlet-rt"
        );
        // 40 characters, never cut inside one
        assert_eq!(file_slug(&"é".repeat(50)), "é".repeat(40));
        assert_eq!(file_slug("<>"), "");
    }
}
