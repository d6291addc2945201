//! The `parallax` command as scripts use it.

use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn analyze_prints_the_documented_json_schema() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let out = parallax(&["analyze", seeds]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format_version"], parallax_core::FORMAT_VERSION);
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let d = &docs[0];
    for key in [
        "file",
        "title",
        "outlet",
        "published",
        "dateline",
        "paragraphs",
        "diagnostics",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    assert_eq!(d["file"], "000_bad9fe235c42383a.txt");
    assert_eq!(d["outlet"], "Sputnik");
    assert_eq!(d["published"], "2020-09-19");
    assert_eq!(d["dateline"]["place"], "MOSCOW");
    assert_eq!(docs[1]["published"], serde_json::Value::Null);
}

#[test]
fn bad_usage_and_missing_folders_say_what_is_wrong() {
    let out = parallax(&["analyse-this"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    let out = parallax(&["analyze", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}
