//! Search relevance: a table of queries and the documents that must come first, on `seeds/`
//! and, when the workplace's dev corpus is present, on `seeds/` + `../shared/corpora/dev/`.

mod common;

use common::{corpus_of, load, root, seeds};
use parallax_core::search::{
    best_passage, concordance, parse_query, search, search_top, warm_up_queries, ParseOptions, SearchOptions,
    TopCache, CACHE_SIZE, WARM_UP_WORDS,
};
use parallax_core::{build_corpus, Corpus, SourceFile};

/// (query; file-name prefixes that must be the first results, in any order, and, marked `!`,
/// prefixes that must not be found at all; the total, where pinned)
type Case = (&'static str, &'static [&'static str], Option<usize>);

fn check(corpus: &Corpus, cases: &[Case]) {
    let mut failures = Vec::new();
    for (q, want, total) in cases {
        let r = search(
            corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions {
                limit: 50,
                ..Default::default()
            },
        );
        // Every match is ranked (`rank_all`), so `ids` is everything the query found.
        let ids: Vec<&str> = r
            .ranked
            .iter()
            .map(|&d| corpus.articles[d as usize].document.file.as_str())
            .collect();
        let (absent, first): (Vec<&str>, Vec<&str>) = want.iter().partition(|w| w.starts_with('!'));
        let head = &ids[..first.len().min(ids.len())];
        let ok_head = first.iter().all(|w| head.iter().any(|id| id.starts_with(w)));
        let ok_absent = ids.len() == r.total
            && absent
                .iter()
                .all(|w| !ids.iter().any(|id| id.starts_with(&w[1..])));
        let ok_total = total.is_none_or(|t| t == r.total);
        if !(ok_head && ok_absent && ok_total) {
            failures.push(format!(
                "{q:?}: want {want:?} total {total:?}, got {} {:?}",
                r.total,
                &ids[..ids.len().min(8)]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

const SEEDS: &[Case] = &[
    // In all five; 001 (PressTV) is about him, naming him eight times.
    ("Lukashenko", &["001"], Some(5)),
    ("ZAKHAROVA", &["001"], Some(1)),
    ("Ilyichev", &["000"], Some(1)),
    ("Lavrov Haavisto", &["003"], Some(1)),
    ("Pompeo", &["001"], Some(1)),
    ("McCaul Engel", &["004"], Some(1)),
    // 004's "Foreign Affairs" and 002's "internal matter" are not the phrase.
    ("\"internal affairs\"", &["000"], Some(1)),
    (
        "\"Collective Security Treaty Organization\"",
        &["004", "002"],
        Some(2),
    ),
    ("\"People's Assembly\"", &["003"], Some(1)),
    ("\"comprehensive help\"", &["001"], Some(1)),
    ("\"affairs internal\"", &[], Some(0)),
    // Corrected to Lukashenko: the same answers (see `SAME_AS`).
    ("Lukashenka", &["001"], Some(5)),
    ("Tikhanovskya", &["002", "003"], Some(2)),
    // Two neighbouring letters swapped are one edit, even in words allowed only one.
    ("Bealrus", &["000", "001", "002", "003", "004"], Some(5)),
    // 003 and 004 never name Minsk (002 also misspells it "Minks").
    ("Mnisk", &["000", "001", "002", "!003", "!004"], Some(3)),
    ("Zakharov", &["001"], Some(1)),
    ("Ilyichv", &["000"], Some(1)),
    ("Tikhan*", &["002", "003"], Some(2)),
    ("Zakh*", &["001"], Some(1)),
    ("Haav*", &["003"], Some(1)),
    ("Russia-led", &["001"], Some(1)),
    ("Russia-1", &["002"], Some(1)),
    ("6,700", &["000", "004"], Some(2)),
    ("6700", &["000", "004"], Some(2)),
    // 004's "80.1 percent" is another number, 001's "80%" has no "percent".
    ("80 percent", &["000"], Some(1)),
    // The possessive finds what the word does; 000 and 003 say only "Russian", another word.
    ("Russia", &["001", "002", "004", "!000", "!003"], Some(3)),
    ("Russia\u{2019}s", &["001", "002", "004", "!000", "!003"], Some(3)),
    ("Russia's", &["001", "002", "004", "!000", "!003"], Some(3)),
    // Every word must be found: the four articles on sanctions, not 004, which has none.
    (
        "sanctions Lukashenko",
        &["000", "001", "002", "003", "!004"],
        Some(4),
    ),
    // All five tell of protests; only 004 does not mention sanctions.
    (
        "protest -sanctions",
        &["004", "!000", "!001", "!002", "!003"],
        Some(1),
    ),
    ("Lavrov OR Ilyichev", &["000", "003"], Some(2)),
    ("Lukashenko outlet:rt", &["002"], Some(1)),
    // A filter alone lists what it selects, newest first; an exclusion alone selects nothing.
    ("outlet:sputnik", &["003", "000", "004"], Some(3)),
    ("after:2021", &["003"], Some(1)),
    ("-sanctions", &[], Some(0)),
    ("Lukashenko outlet:presstv", &["001"], Some(1)),
    ("Lukashenko outlet:Sputnik", &["000", "003", "004"], Some(3)),
    ("Lukashenko after:2021", &["003"], Some(1)),
    ("Lukashenko before:2020-07", &[], Some(0)),
    ("Lukashenko before:2020-08", &["004"], Some(1)),
    ("Lukashenko after:2020-09 before:2020-09", &["000"], Some(1)),
    ("CSTO", &["004", "002"], Some(2)),
    // Matched as written: not every article on the election.
    ("re-election", &["001"], Some(1)),
    // In all five (001's "re-election" too); 000, naming it once, comes last.
    ("election", &["001", "002", "003", "004"], Some(5)),
    ("detained", &["000", "004"], Some(2)),
    ("constitutional reform", &["003"], Some(1)),
    ("meddling", &["002"], Some(1)),
    ("crackdown", &["002", "003"], Some(2)),
];

#[test]
fn seeds_queries_rank_the_right_documents_first() {
    check(&seeds(), SEEDS);
}

/// Spellings that must give exactly what the word they stand for gives: the same articles in
/// the same order.
const SAME_AS: &[(&str, &str)] = &[
    ("Russia\u{2019}s", "Russia"),
    ("Russia's", "Russia"),
    ("Lukashenka", "Lukashenko"),
    ("Bealrus", "Belarus"),
    ("Mnisk", "Minsk"),
    ("Zakharov", "Zakharova"),
    ("ZAKHAROVA", "Zakharova"),
    ("Ilyichv", "Ilyichev"),
    ("Tikhanovskya", "Tikhanovskaya"),
    ("6700", "6,700"),
];

#[test]
fn variant_spellings_find_exactly_what_the_word_finds() {
    let corpus = seeds();
    let answers = |q: &str| {
        let r = search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        );
        (r.total, r.ranked)
    };
    for (variant, word) in SAME_AS {
        let want = answers(word);
        assert!(want.0 > 0, "{word:?} finds nothing");
        assert_eq!(answers(variant), want, "{variant:?} against {word:?}");
    }
}

const WITH_DEV: &[Case] = &[
    ("Kolesnikova", &["h00000", "h00002"], Some(2)),
    // The six articles on his poisoning.
    (
        "Navalny Novichok",
        &["h00012", "h00016", "h00018", "h00020", "h00022", "h00024"],
        Some(6),
    ),
    ("\"Sparkly March\"", &["h00004"], Some(1)),
    ("Hasidic", &["h00006"], Some(1)),
    ("Zakharova", &["001"], Some(3)),
    ("Ilyichev", &["000"], Some(1)),
    ("Aleppo", &["h00034", "h00038", "h00042", "h00046"], Some(4)),
    ("Lukashenko outlet:rt", &["002"], Some(1)),
    ("Kolesnikva", &["h00000", "h00002"], Some(2)),
    (
        "Navaln*",
        &["h00012", "h00016", "h00018", "h00020", "h00022", "h00024"],
        Some(6),
    ),
];

#[test]
fn seeds_and_dev_queries_rank_the_right_documents_first() {
    let dev = root().join("../shared/corpora/dev");
    if !dev.is_dir() {
        eprintln!(
            "skipped: {} is not here (it ships only with the workplace)",
            dev.display()
        );
        return;
    }
    check(&load(&[&root().join("seeds"), &dev]), WITH_DEV);
}

#[test]
fn search_never_fails_on_messy_queries() {
    let corpus = seeds();
    let long = "Belarus ".repeat(1300);
    for q in [
        "\"unbalanced",
        "-",
        "the of and",
        &long,
        "🙂",
        "ביילרוס",
        "<script>alert(1)</script>",
        "OR",
        "\"\"",
        "*",
        "a*",
        "outlet:",
        "-\"\"",
    ] {
        let r = search(
            &corpus,
            &parse_query(q, ParseOptions { as_you_type: true }),
            SearchOptions::default(),
        );
        assert!(r.total <= corpus.articles.len(), "{q}");
    }
}

#[test]
fn a_misspelling_the_articles_share_is_searched_as_typed_with_the_common_spelling_suggested() {
    let mut texts: Vec<(String, String)> = (0..45)
        .map(|i| {
            (
                format!("g{i:02}.txt"),
                format!("Budget {i}\n\nThe government met on day {i}, a trend, at the ministry.\n"),
            )
        })
        .collect();
    texts.push(("typo.txt".into(), "Budget\n\nThe goverment met again.\n".into()));
    texts.push(("trend.txt".into(), "Trends\n\nA trendy government.\n".into()));
    texts.push(("nanny.txt".into(), "Nanny\n\nA governess.\n".into()));
    texts.push(("swap.txt".into(), "Budget\n\nThe minsitry met.\n".into()));
    let named: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let corpus = corpus_of(&named);
    let run =
        |q: &str, options: SearchOptions| search(&corpus, &parse_query(q, ParseOptions::default()), options);
    let r = run("goverment", SearchOptions::default());
    // The word as typed is searched: the misspelt article, and the governess by stem (both
    // stem to `gover`).
    assert_eq!(r.total, 2);
    assert!(r.corrections.is_empty());
    let s = &r.suggestions[0];
    assert_eq!(
        (s.from.as_str(), s.from_docs, s.to.as_str()),
        ("goverment", 2, "government")
    );
    // Two letters swapped are one slip.
    assert_eq!(
        run("minsitry", SearchOptions::default()).suggestions[0].to,
        "ministry"
    );
    // Not for common words, a slip at the end (another word), or when asked to search as typed.
    assert!(run("government", SearchOptions::default()).suggestions.is_empty());
    assert!(run("trendy", SearchOptions::default()).suggestions.is_empty());
    let literal = SearchOptions {
        typo_tolerance: false,
        ..SearchOptions::default()
    };
    assert!(run("goverment", literal).suggestions.is_empty());
    // The page API's quick answers skip suggestions.
    assert_eq!(search_top(&corpus, "goverment ", 3).total, 2);
    assert!(search_top(&corpus, "goverment ", 3).suggestions.is_empty());
}

#[test]
fn a_hyphenated_query_highlights_the_whole_word_in_passages_and_the_concordance() {
    let corpus = seeds();
    for (q, shown) in [("Russia-led", "Russia-led"), ("re-election", "re-election")] {
        let r = search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        );
        assert_eq!(r.total, 1, "{q}");
        let text = &corpus.articles[r.hits[0].doc as usize].document.text;
        let passage = best_passage(&corpus, r.hits[0].doc, &r.matcher);
        let marks: Vec<&str> = passage.highlights.iter().map(|h| h.of(text)).collect();
        assert_eq!(marks, [shown], "{q}");
        let lines = concordance(&corpus, &r, 30, 100);
        assert!(
            !lines.is_empty() && lines.iter().all(|l| l.keyword == shown),
            "{q}: {lines:?}"
        );
    }
    // A part matched alone is marked alone, once.
    let r = search(
        &corpus,
        &parse_query("russia", ParseOptions::default()),
        SearchOptions::default(),
    );
    let lines = concordance(&corpus, &r, 30, 1000);
    assert!(lines
        .iter()
        .all(|l| l.keyword.starts_with("Russia") && !l.keyword.contains('-')));
    assert!(
        lines.iter().any(|l| l.right.starts_with("-led")),
        "the part of Russia-led is listed"
    );
}

#[test]
fn either_spelling_of_a_two_part_word_finds_the_other() {
    let texts = [
        ("hyphen.txt", "Trade\n\nThe co-operation went on by e-mail.\n"),
        ("joined.txt", "Trade\n\nTheir cooperation went on by email.\n"),
        ("other.txt", "Trade\n\nNothing went on.\n"),
        ("resigned.txt", "Trade\n\nShe resigned.\n"),
    ];
    let corpus = corpus_of(&texts);
    let r = search(
        &corpus,
        &parse_query("re-sign", ParseOptions::default()),
        SearchOptions::default(),
    );
    assert_eq!(
        r.total, 0,
        "a hyphenated word is matched as written, not by the joined form's stem"
    );
    for q in [
        "cooperation",
        "co-operation",
        "email",
        "E-mail",
        "co\u{2010}operation",
    ] {
        let r = search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        );
        assert_eq!(r.total, 2, "{q}");
        let hyphen = r
            .hits
            .iter()
            .find(|h| h.doc == 0)
            .expect("the hyphenated article");
        let passage = best_passage(&corpus, hyphen.doc, &r.matcher);
        let text = &corpus.articles[0].document.text;
        let marks: Vec<&str> = passage.highlights.iter().map(|h| h.of(text)).collect();
        assert!(marks == ["co-operation"] || marks == ["e-mail"], "{q}: {marks:?}");
    }
}

#[test]
fn long_non_ascii_passages_are_clipped_on_char_boundaries() {
    // Shifting the text byte by byte puts the clipping point inside a two-byte letter for some
    // of the shifts.
    for pad in 0..8 {
        let body = format!(
            "{} {} target {} more.",
            "Жжж ".repeat(200),
            "a".repeat(pad + 1),
            "ёлка ".repeat(200)
        );
        let text = format!("Headline words\n\n{body}\n");
        let files = [SourceFile {
            name: "ru.txt",
            bytes: text.as_bytes(),
        }];
        let corpus = build_corpus(&files, &Default::default()).unwrap();
        let r = search(
            &corpus,
            &parse_query("target", ParseOptions::default()),
            SearchOptions::default(),
        );
        assert_eq!(r.total, 1);
        let passage = parallax_core::search::best_passage(&corpus, 0, &r.matcher);
        assert!(passage.clipped_start && passage.clipped_end);
        let shown = passage.span.of(&corpus.articles[0].document.text);
        assert!(shown.contains("target") && shown.len() <= 330, "{shown}");
        assert_eq!(passage.highlights.len(), 1);
    }
}

#[test]
fn random_documents_and_queries_never_panic() {
    let alphabet = [
        "Жжж",
        " ",
        "é",
        "target",
        "-",
        "'",
        "\u{2019}s",
        ". ",
        "\n\n",
        "\"",
        "6,700",
        "Ab",
        "🙂",
        "co-op",
        "x*",
        "OR",
    ];
    let mut seed = 11u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..40 {
        let texts: Vec<String> = (0..3)
            .map(|_| {
                (0..300)
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect::<String>()
            })
            .collect();
        let names = ["a.txt", "b.txt", "c.txt"];
        let files: Vec<SourceFile> = texts
            .iter()
            .zip(names)
            .map(|(t, name)| SourceFile {
                name,
                bytes: t.as_bytes(),
            })
            .collect();
        let corpus = build_corpus(&files, &Default::default()).unwrap();
        for _ in 0..10 {
            let q: String = (0..4).map(|_| alphabet[next(alphabet.len())]).collect();
            let r = search(
                &corpus,
                &parse_query(&q, ParseOptions { as_you_type: true }),
                SearchOptions::default(),
            );
            for hit in &r.hits {
                let p = parallax_core::search::best_passage(&corpus, hit.doc, &r.matcher);
                assert!(corpus.articles[hit.doc as usize]
                    .document
                    .text
                    .get(p.span.start as usize..p.span.end as usize)
                    .is_some());
            }
            parallax_core::search::concordance(&corpus, &r, 30, 100);
        }
    }
}

/// `window.parallax.search` takes a faster path (no facets, only the best `k` put in order) and
/// keeps its last answers: both must give exactly what the search page ranks first.
#[test]
fn quick_answers_and_kept_answers_match_the_full_ranking() {
    let corpus = seeds();
    let queries = [
        "belarus",
        "protest",
        "luka",
        "Lukashenka",
        "Tikhanovskya",
        "\"internal affairs\"",
        "minsk OR moscow",
        "protest -police",
        "opposition outlet:rt",
        "after:2020-09 protest",
        "entity:lukashenko",
        "the",
        "",
        "\u{1F600} <script>",
    ];
    let top = |q: &str, k: usize| {
        let r = search_top(&corpus, q, k);
        (r.total, r.ranked)
    };
    let mut cache = TopCache::default();
    for round in 0..2 {
        for q in queries {
            for k in [1, 3, 10] {
                let full = search(
                    &corpus,
                    &parse_query(q, ParseOptions { as_you_type: true }),
                    SearchOptions::default(),
                );
                let want = (
                    full.total,
                    full.ranked.iter().take(k).copied().collect::<Vec<_>>(),
                );
                assert_eq!(top(q, k), want, "{q:?} k={k}");
                assert_eq!(cache.get(q, k, || top(q, k)), want, "{q:?} k={k}, round {round}");
            }
        }
    }
    // Kept answers are not worked out again; pushed out by enough other queries, they are.
    assert_eq!(cache.get("protest", 3, || (0, Vec::new())), top("protest", 3));
    for i in 0..CACHE_SIZE {
        cache.get(&format!("belarus{i}"), 3, || top("belarus", 3));
    }
    assert_eq!(cache.get("protest", 3, || (0, Vec::new())), (0, Vec::new()));
}

#[test]
fn warm_up_queries_are_made_of_the_corpus_words_and_answering_them_changes_no_answer() {
    let (cold, warm) = (seeds(), seeds());
    let lengths = &warm.index.doc_lengths;
    let mean = lengths.iter().sum::<u32>() as f32 / lengths.len() as f32;
    assert_eq!(warm.index.mean_length(), mean);
    // Six kinds of query for each of the most common words (the seeds have more than enough),
    // each query once (words may share their first three letters).
    let queries = warm_up_queries(&warm);
    assert!(
        queries.len() > 5 * WARM_UP_WORDS && queries.len() <= 6 * WARM_UP_WORDS,
        "{queries:?}"
    );
    let mut distinct = queries.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), queries.len());
    for q in &queries {
        // Every query of one word finds articles (misspellings through correction).
        let r = search_top(&warm, q, 10);
        assert!(r.total > 0 || q.contains(' '), "{q:?}");
    }
    for q in [
        "belarus",
        "protest",
        "luka",
        "Lukashenka",
        "presidnet",
        "\"internal affairs\"",
        "minsk OR moscow",
        "protest -police",
        "entity:lukashenko",
    ] {
        assert_eq!(search_top(&warm, q, 3), search_top(&cold, q, 3), "{q:?}");
        let query = parse_query(q, ParseOptions::default());
        assert_eq!(
            search(&warm, &query, SearchOptions::default()),
            search(&cold, &query, SearchOptions::default()),
            "{q:?}"
        );
    }
    // Nothing to warm up with: no words of six letters, or no articles at all.
    let words = "Short text. Tiny words, no more.\n";
    assert_eq!(
        warm_up_queries(&corpus_of(&[("a.txt", words)])),
        Vec::<String>::new()
    );
    assert_eq!(warm_up_queries(&corpus_of(&[])), Vec::<String>::new());
    // One word: it is its own second word.
    let one = corpus_of(&[("e.txt", "\u{1F600}\u{202E}<script>")]);
    assert_eq!(
        warm_up_queries(&one),
        [
            "script",
            "scr",
            "script script",
            "\"script script\"",
            "scirpt",
            "script -script"
        ]
    );
}

/// A quoted word finds that form only; unquoted, other forms count too and are marked apart
/// from the form typed, in passages and in the concordance, whose context is cut at words.
#[test]
fn a_quoted_word_finds_its_form_only_and_other_forms_are_marked_apart() {
    let corpus = corpus_of(&[
        (
            "a.txt",
            "Protesters marched through central Minsk on Sunday afternoon. Police watched the protests.",
        ),
        (
            "b.txt",
            "The protests grew in Grodno, where factory workers joined them.",
        ),
    ]);
    let run = |q: &str| {
        search(
            &corpus,
            &parse_query(q, ParseOptions::default()),
            SearchOptions::default(),
        )
    };
    assert_eq!(run("protesters").total, 2, "other forms count");
    let quoted = run("\"protesters\"");
    assert_eq!(quoted.total, 1, "the form typed only");
    assert_eq!(corpus.articles[quoted.hits[0].doc as usize].id(), "a");

    let plain = run("protesters");
    let b = corpus.articles.iter().position(|a| a.id() == "b").unwrap() as u32;
    let passage = best_passage(&corpus, b, &plain.matcher);
    let text = &corpus.articles[b as usize].document.text;
    let other: Vec<&str> = passage.other_forms.iter().map(|s| s.of(text)).collect();
    assert_eq!(other, ["protests"]);

    let lines = concordance(&corpus, &plain, 20, 100);
    let marked: Vec<(&str, bool)> = lines.iter().map(|l| (l.keyword.as_str(), l.other_form)).collect();
    assert!(marked.contains(&("Protesters", false)), "{marked:?}");
    assert!(marked.contains(&("protests", true)), "{marked:?}");
    for l in &lines {
        let (left, right) = (l.left.trim(), l.right.trim());
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let source = &corpus.articles[l.doc as usize].document.text;
        let source_words = words(source);
        for w in words(left).iter().chain(&words(right)) {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                w.is_empty()
                    || source_words
                        .iter()
                        .any(|s| s.trim_matches(|c: char| !c.is_alphanumeric()) == w),
                "{w:?} is a whole word of the text (left {left:?}, right {right:?})"
            );
        }
        assert!(l.left.chars().count() <= 20 && l.right.chars().count() <= 20);
    }
}
