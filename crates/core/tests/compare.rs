//! Comparison of two sides: the Fightin' Words scores against values computed by hand, and
//! what the panels show for RT against Sputnik on the seeds.

mod common;

use std::collections::HashMap;

use parallax_core::compare::{
    contrasts, distinctive, frames, framing, labels, sentences_with, voices, Prior, Side, SideText,
    TermCounts,
};

fn counts(pairs: &[(&str, usize)], total: usize) -> TermCounts {
    TermCounts {
        counts: pairs
            .iter()
            .map(|&(t, n)| (t.to_string(), n))
            .collect::<HashMap<_, _>>(),
        total,
    }
}

#[test]
fn log_odds_with_corpus_prior_matches_hand_computation() {
    // Side A says "riot" 10 times in 100 terms, side B twice in 100; the corpus 12 in 200, and
    // "unrest" 0 and 4 times (corpus 4).
    // riot:   α = 500 · 12/200 = 30; δ = ln(40/560) − ln(32/568) = 0.237328…;
    //         var = 1/40 + 1/32 = 0.05625; z = 0.237328 / 0.237171 = 1.000663…
    // unrest: α = 500 · 4/200 = 10;  δ = ln(10/590) − ln(14/586) = −0.343274…;
    //         var = 1/10 + 1/14; z = −0.829087…
    let a = counts(&[("riot", 10)], 100);
    let b = counts(&[("riot", 2), ("unrest", 4)], 100);
    let corpus = Prior::from_counts(counts(&[("riot", 12), ("unrest", 4)], 200));
    let scored = distinctive(&a, &b, &corpus);
    assert_eq!(scored.len(), 2);
    let riot = &scored[0];
    assert_eq!((riot.term.as_str(), riot.count_a, riot.count_b), ("riot", 10, 2));
    assert!((riot.delta - 0.237_328_186).abs() < 1e-6, "{}", riot.delta);
    assert!((riot.z - 1.000_663_496).abs() < 1e-6, "{}", riot.z);
    assert!(!riot.small);
    let unrest = &scored[1];
    assert!((unrest.delta + 0.343_274_984).abs() < 1e-6, "{}", unrest.delta);
    assert!((unrest.z + 0.829_087_853).abs() < 1e-6, "{}", unrest.z);
    assert!(unrest.small, "4 occurrences are too few to mean much");
}

#[test]
fn sides_from_outlets_documents_and_searches() {
    let corpus = common::seeds();
    assert_eq!(Side::parse("outlet:rt"), Side::Outlet("rt".into()));
    assert_eq!(
        Side::parse(" doc:001_f2949b16144bae03 "),
        Side::Document("001_f2949b16144bae03".into())
    );
    assert_eq!(
        Side::parse("protest outlet:rt"),
        Side::Search("protest outlet:rt".into())
    );
    for side in [
        Side::Outlet("rt".into()),
        Side::Document("x y".into()),
        Side::Search("a b".into()),
    ] {
        assert_eq!(Side::parse(&side.spec()), side);
    }
    assert_eq!(Side::Outlet("sputnik".into()).documents(&corpus).0, [0, 3, 4]);
    assert_eq!(
        Side::Document("002_d96a9708d6942587".into()).documents(&corpus).0,
        [2]
    );
    let (docs, problem) = Side::Search("nato".into()).documents(&corpus);
    assert!(!docs.is_empty() && problem.is_none());
    let (docs, problem) = Side::Outlet("cnn".into()).documents(&corpus);
    assert!(docs.is_empty() && problem.unwrap().contains("cnn"));
    assert!(Side::Search("  ".into()).documents(&corpus).1.is_some());
}

#[test]
fn facts_of_two_articles_show_both_discrepancies() {
    let corpus = common::seeds();
    let (a, _) = Side::Document("000_bad9fe235c42383a".into()).documents(&corpus);
    let (b, _) = Side::Document("004_e10c65f5f54494c2".into()).documents(&corpus);
    let prior = Prior::of(&corpus);
    let c = parallax_core::compare::compare(&corpus, &prior, a, b);
    let differing: Vec<Vec<String>> = c
        .facts
        .iter()
        .filter(|f| f.disagrees())
        .map(|f| f.claims.iter().map(|&i| common::claim_text(&corpus, i)).collect())
        .collect();
    let joined = format!("{differing:?}");
    assert!(joined.contains("130") && joined.contains("120"), "{joined}");
    assert!(joined.contains("three") && joined.contains("two"), "{joined}");
    assert!(
        c.facts.iter().any(|f| f.agree),
        "the agreeing claims are aligned too"
    );
    assert!(!c.facts[0].agree, "differing facts come first");
}

#[test]
fn rt_against_sputnik_on_the_seeds() {
    let corpus = common::seeds();
    let (rt, _) = Side::Outlet("rt".into()).documents(&corpus);
    let (sputnik, _) = Side::Outlet("sputnik".into()).documents(&corpus);
    let all: Vec<u32> = (0..corpus.articles.len() as u32).collect();
    let ta = TermCounts::of(&corpus, &rt);
    let tb = TermCounts::of(&corpus, &sputnik);
    let tc = TermCounts::of(&corpus, &all);
    assert!(ta.total > 100 && tb.total > ta.total);
    assert!(!tc.counts.contains_key("the"), "function words are left out");
    assert!(
        tc.counts.keys().any(|t| t == "collective security"),
        "two-word phrases are counted"
    );
    let scored = distinctive(&ta, &tb, &Prior::from_counts(tc.clone()));
    // Every term of either side is scored, once.
    assert_eq!(
        scored.len(),
        ta.counts
            .keys()
            .chain(tb.counts.keys())
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    assert!(scored.windows(2).all(|w| w[0].z >= w[1].z));
    // The top of each end is a term the side uses and the other side uses less.
    let (top_a, top_b) = (&scored[0], scored.last().unwrap());
    assert!(
        top_a.count_a > 0 && top_a.count_a as f64 / ta.total as f64 > top_a.count_b as f64 / tb.total as f64
    );
    assert!(
        top_b.count_b > 0 && top_b.count_b as f64 / tb.total as f64 > top_b.count_a as f64 / ta.total as f64
    );
    // Every term counted has its evidence: the sentences that hold it.
    for d in scored.iter().filter(|d| d.count_a > 0).take(20) {
        assert!(
            !sentences_with(&SideText::of(&corpus, &rt), &d.term).is_empty(),
            "{}",
            d.term
        );
    }

    // Labels: the entities both name, with each side's labels.
    let rows = labels(&corpus, &rt, &sputnik);
    let luka = rows
        .iter()
        .find(|r| corpus.entities[r.entity as usize].name == "Alexander Lukashenko")
        .expect("both name Lukashenko");
    assert!(luka.labels_b.iter().any(|(l, _)| l == "Belarusian President"));
    assert_eq!(
        luka.labels_a,
        [("incumbent".to_string(), 1)],
        "RT calls him the incumbent"
    );

    // Voices: Putin speaks on RT; Sputnik quotes Ilyichev.
    let names = |docs: &[u32]| -> Vec<String> {
        voices(&corpus, docs)
            .iter()
            .map(|v| {
                v.speaker
                    .map_or("unattributed".into(), |s| corpus.entities[s].name.clone())
            })
            .collect()
    };
    assert!(
        names(&rt).contains(&"Vladimir Putin".to_string()),
        "{:?}",
        names(&rt)
    );
    assert!(
        names(&sputnik).contains(&"Pyotr Ilyichev".to_string()),
        "{:?}",
        names(&sputnik)
    );

    // Frames and contrasts: every sentence counted once, tags point at real sentences.
    let f = framing(&SideText::of(&corpus, &sputnik));
    let n_sentences: usize = sputnik
        .iter()
        .map(|&d| {
            corpus.articles[d as usize]
                .document
                .paragraphs
                .iter()
                .map(|p| p.sentences.len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(f.sentences, n_sentences);
    assert_eq!(f.frames.len(), frames().len());
    let political = frames().iter().position(|(name, _)| name == "Political").unwrap();
    assert!(f.frames[political].len() >= 5, "an election story is political");
    let security = frames()
        .iter()
        .position(|(name, _)| name.starts_with("Security"))
        .unwrap();
    assert!(!f.frames[security].is_empty(), "CSTO and NATO are security");
    assert_eq!(f.contrasts.len(), contrasts().len());
    let protests = contrasts()
        .iter()
        .position(|((first, _), _)| first.starts_with("protests"))
        .unwrap();
    assert!(f.contrasts[protests][0].0 >= 1, "Sputnik writes of protests");
}

#[test]
fn voices_are_grouped_by_kind_of_speaker() {
    let corpus = common::seeds();
    let all: Vec<u32> = (0..corpus.articles.len() as u32).collect();
    let voices = voices(&corpus, &all);
    let group_of = |name: &str| {
        voices
            .iter()
            .find(|v| v.speaker.is_some_and(|s| corpus.entities[s].name == name))
            .map(|v| v.group.as_str())
    };
    assert_eq!(group_of("Vladimir Putin"), Some("Russian officials"));
    assert_eq!(group_of("Sergey Lavrov"), Some("Russian officials"));
    assert_eq!(group_of("Michael McCaul"), Some("US officials"));
    assert!(voices
        .iter()
        .any(|v| v.speaker.is_none() && v.group == "Unattributed"));
    // Each group's voices stand together.
    let groups: Vec<&str> = voices.iter().map(|v| v.group.as_str()).collect();
    let mut seen: Vec<&str> = Vec::new();
    for g in groups {
        if seen.last() != Some(&g) {
            assert!(!seen.contains(&g), "group {g} split");
            seen.push(g);
        }
    }
}

#[test]
fn passages_of_two_articles_are_lined_up_with_omissions_and_reuse() {
    let text_a = "Protests in Minsk\n\n\
        Police detained more than 6,700 people in Minsk after the election, the ministry said.\n\n\
        The president met his Russian counterpart in Sochi to discuss gas prices and loans.\n\n\
        The opposition candidate left the country for Lithuania on Tuesday morning.\n";
    let text_b = "Minsk unrest\n\n\
        The opposition candidate left the country for Lithuania on Tuesday morning, her aides said.\n\n\
        A football match in Brest drew a record crowd of fans.\n\n\
        Over 6,700 people were detained by police in Minsk after the vote.\n";
    let corpus = common::corpus_of(&[("a.txt", text_a), ("b.txt", text_b)]);
    let al = parallax_core::compare::align_passages(&corpus, 0, 1);
    let pairs: Vec<(usize, usize)> = al.pairs.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(pairs, [(0, 2), (2, 0)], "{:?}", al.pairs);
    assert!(al.pairs[0].3.contains(&"detained".to_string()) || al.pairs[0].3.contains(&"6700".to_string()));
    assert_eq!(
        al.only,
        [vec![1], vec![1]],
        "the Sochi meeting and the football match have no counterpart"
    );
    assert_eq!(al.reused.len(), 1);
    let (ra, rb) = al.reused[0];
    assert_eq!(
        ra.of(text_a),
        "The opposition candidate left the country for Lithuania on Tuesday morning"
    );
    assert_eq!(rb.of(text_b), ra.of(text_a));
}

#[test]
fn two_seed_articles_on_the_same_vote_have_paragraphs_paired() {
    // The Sputnik article and the PressTV article on the US Congress's Belarus vote: their
    // paragraphs on the detentions and the sanctions tell the same events.
    let corpus = common::seeds();
    let doc = |file: &str| {
        corpus
            .articles
            .iter()
            .position(|a| a.document.file == file)
            .unwrap() as u32
    };
    let al = parallax_core::compare::align_passages(
        &corpus,
        doc("000_bad9fe235c42383a.txt"),
        doc("004_e10c65f5f54494c2.txt"),
    );
    assert!(al.pairs.len() >= 2, "{:?}", al.pairs);
    assert!(
        !al.only[0].is_empty() || !al.only[1].is_empty(),
        "some paragraph has no counterpart"
    );
}

#[test]
fn the_prior_leaves_out_terms_seen_once_and_scores_as_if_it_held_them() {
    let corpus = common::seeds();
    let all: Vec<u32> = (0..corpus.articles.len() as u32).collect();
    let counts = TermCounts::of(&corpus, &all);
    let prior = Prior::of(&corpus);
    assert_eq!(prior.total, counts.total);
    for (term, &n) in &counts.counts {
        assert_eq!(prior.count(term), if n > 1 { n } else { 0 }, "{term}");
    }
    assert_eq!(prior.count("no such term"), 0);
    let entries: Vec<(&str, u32)> = prior.entries().collect();
    assert!(entries.windows(2).all(|w| w[0].0 < w[1].0), "sorted, each once");
    let shuffled = Prior::from_entries(prior.total, entries.iter().rev().copied());
    assert_eq!(shuffled, prior);
    // Scored against every term's count, the once-seen ones too: the same scores.
    let whole = Prior::from_entries(
        counts.total,
        counts.counts.iter().map(|(t, &n)| (t.as_str(), n as u32)),
    );
    let (rt, _) = Side::Outlet("rt".into()).documents(&corpus);
    let (sputnik, _) = Side::Outlet("sputnik".into()).documents(&corpus);
    let (ta, tb) = (TermCounts::of(&corpus, &rt), TermCounts::of(&corpus, &sputnik));
    assert_eq!(distinctive(&ta, &tb, &prior), distinctive(&ta, &tb, &whole));
}

#[test]
fn a_prior_extended_by_added_articles_counts_them() {
    let corpus = common::seeds();
    let whole = Prior::of(&corpus);
    // The prior of the first two articles, then the other three counted on top.
    let first = Prior::from_counts(TermCounts::of(&corpus, &[0, 1]));
    let extended = first.with(&corpus, &[2, 3, 4]);
    assert_eq!(extended.total, whole.total);
    let before = TermCounts::of(&corpus, &[0, 1]);
    for (term, n) in whole.entries() {
        // Only a term seen once in the first two articles may count one short.
        let short = u32::from(before.counts.get(term) == Some(&1));
        assert!(
            extended.count(term) as u32 + short >= n && extended.count(term) as u32 <= n,
            "{term}: {} of {n}",
            extended.count(term)
        );
    }
    assert!(extended.count("lukashenko") > first.count("lukashenko"));
}
