//! The export file and its import, entry by entry.

use super::*;

fn article(name: &str, text: &str) -> AddedArticle {
    AddedArticle {
        name: name.to_string(),
        text: text.to_string(),
        title: None,
        outlet: None,
        published: None,
        url: None,
    }
}

#[test]
fn export_import_round_trip() {
    let articles = vec![
        AddedArticle {
            title: Some("Protests continue".into()),
            outlet: Some("Example News".into()),
            published: Date::new(2020, 8, 23),
            url: Some("https://example.com/1".into()),
            ..article("one.txt", "Tens of thousands marched.\n\n“Quoted.”")
        },
        article("two.txt", "Only text."),
    ];
    let json = export(&articles);
    assert!(json.contains("\"parallax\": \"added-articles\""), "{json}");
    assert!(json.contains("\"version\": 1"));
    assert!(json.contains("\"published\": \"2020-08-23\""));
    assert_eq!(json.matches("\"title\"").count(), 1, "absent fields are left out");
    let imported = import(&json).unwrap();
    assert_eq!(imported.articles, articles);
    assert!(imported.rejected.is_empty());
    // serde round trip of the struct itself, too.
    let one: AddedArticle = serde_json::from_str(&serde_json::to_string(&articles[0]).unwrap()).unwrap();
    assert_eq!(one, articles[0]);
    assert!(
        serde_json::from_str::<AddedArticle>(r#"{"name":"a","text":"b","published":"2020-1-1"}"#).is_err()
    );
    // Empty export.
    assert_eq!(import(&export(&[])).unwrap(), Default::default());
}

#[test]
fn import_rejects_files_that_are_not_exports() {
    for bad in [
        "not json at all",
        "",
        "[1, 2]",
        r#"{"parallax": "something-else", "version": 1, "articles": []}"#,
        r#"{"version": 1, "articles": []}"#,
        r#"{"parallax": "added-articles", "articles": []}"#,
        r#"{"parallax": "added-articles", "version": "1", "articles": []}"#,
        r#"{"parallax": "added-articles", "version": 0, "articles": []}"#,
        r#"{"parallax": "added-articles", "version": 1}"#,
        r#"{"parallax": "added-articles", "version": 1, "articles": {}}"#,
    ] {
        let err = import(bad).unwrap_err();
        assert!(err.contains("not a Parallax export"), "{bad}: {err}");
    }
    let newer = import(r#"{"parallax": "added-articles", "version": 2, "articles": []}"#).unwrap_err();
    assert!(newer.contains("newer version"), "{newer}");
}

#[test]
fn import_checks_each_entry() {
    let json = r#"{"parallax": "added-articles", "version": 1, "articles": [
        {"name": "good.txt", "text": "Fine.", "published": "2020-08-23", "url": "https://x.org/a"},
        5,
        {"name": "  ", "text": "x"},
        {"name": "a.txt", "text": "   "},
        {"name": "b.txt", "text": "t", "published": "2020-13-01"},
        {"name": "c.txt", "text": "t", "url": "javascript:alert(1)"},
        {"name": "../../d.md", "text": "ok", "title": null, "outlet": "", "extra": [1]},
        {"name": "e.txt", "text": "t", "title": 5},
        {"text": "no name"},
        {"name": "f.txt", "text": "a\u0000b"},
        {"name": "g.txt", "text": ["not", "text"]},
        {"name": 7, "text": "t"}
    ]}"#;
    let imported = import(json).unwrap();
    let names: Vec<&str> = imported.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["good.txt", "d.txt"]);
    assert_eq!(imported.articles[0].published, Date::new(2020, 8, 23));
    assert_eq!(imported.articles[1].outlet, None);
    let numbers: Vec<usize> = imported.rejected.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    let why = |n: usize| imported.rejected.iter().find(|(m, _)| *m == n).unwrap().1.clone();
    for (entry, reason) in [
        (2, "not an article"),
        (3, "no name"),
        (4, "empty"),
        (5, "2020-13-01"),
        (6, "http"),
        (8, "title"),
        (10, "binary"),
    ] {
        assert!(why(entry).contains(reason), "entry {entry}: {}", why(entry));
    }
    for (_, message) in &imported.rejected {
        assert!(
            !message.contains("serde") && !message.contains("Value"),
            "{message}"
        );
    }
}
