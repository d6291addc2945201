//! What the words around a person's name tell of them: the description before or after it
//! (`exiled opposition leader`, `, the head of …`), the rule it heads (`the Lukashenko
//! regime`), and the gender its given name or title tells.

use super::lexicon::{lexicon, Lexicon};
use super::words::{is_cap, strip_possessive, Word};
use super::Gender;

/// The gender a person's name or title tells: a known given name (either part of a hyphenated
/// one), an honorific, or a Slavic feminine surname ending.
pub(crate) fn gender_of(name: &str, labels: &[&str]) -> Option<Gender> {
    let lex = lexicon();
    for label in labels {
        for w in label.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            match w.as_str() {
                "mr" | "sir" | "lord" | "king" | "prince" | "father" | "husband" | "son" | "brother"
                | "spokesman" | "chairman" | "congressman" | "businessman" | "he" => {
                    return Some(Gender::Male)
                }
                "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "mother" | "wife"
                | "daughter" | "sister" | "spokeswoman" | "chairwoman" | "congresswoman"
                | "businesswoman" | "actress" | "she" => return Some(Gender::Female),
                _ => {}
            }
        }
    }
    let mut words = name.split_whitespace();
    let first = words.next()?;
    if let Some(g) = first.split('-').find_map(|p| lex.given.get(p).copied().flatten()) {
        return Some(g);
    }
    let last = name.split_whitespace().last()?;
    let feminine = ["ova", "eva", "ina", "aya", "kaya", "ska", "yna"];
    (last.chars().count() > 4 && feminine.iter().any(|e| last.ends_with(e))).then_some(Gender::Female)
}

/// The lower-case description right before a name (`incumbent`, `exiled opposition leader`,
/// with a demonym before it: `Belarusian opposition leader`): role nouns and describing words
/// (`data/roles.txt`, `data/describers.txt`), the word next to the name a role.
pub(super) fn description_before(ws: &[Word], i: usize, lex: &Lexicon) -> Option<String> {
    let role = |w: &str| lex.roles.contains(w);
    let next = ws.get(i.checked_sub(1)?)?.1;
    if !role(next) && !lex.describers.contains(next) {
        return None;
    }
    let mut k = i - 1;
    while k > 0 && i - k < 4 {
        let w = ws[k - 1].1;
        if lex.demonyms.contains_key(w) {
            // a demonym opens the description
            k -= 1;
            break;
        }
        if role(w) || lex.describers.contains(w) {
            k -= 1;
        } else {
            break;
        }
    }
    let words: Vec<&str> = ws[k..i].iter().map(|w| w.1).collect();
    words.iter().any(|w| role(w)).then(|| words.join(" "))
}

/// A description set off after a name: `Pyotr Ilyichev, the head of the Department of
/// International Organizations, …` gives `the head of the Department of International
/// Organizations`. It starts with an article, holds a role noun among its first words, and
/// ends at punctuation, a clause word, another name or eight words.
pub(super) fn appositive_after(ws: &[Word], j: usize, lex: &Lexicon) -> Option<String> {
    if ws.get(j)?.1 != "," || !matches!(ws.get(j + 1)?.1, "the" | "a" | "an") {
        return None;
    }
    let mut out: Vec<&str> = Vec::new();
    for &(_, w) in &ws[j + 1..] {
        // A capital after a lower-case word other than `of`/`the` starts another name
        // (`the opposition leader's aide Ivan Zhdanov`).
        let new_name = is_cap(w)
            && out
                .last()
                .is_some_and(|p| !is_cap(p) && !matches!(*p, "of" | "the"));
        let stop = new_name
            || w.chars().all(|c| !c.is_alphanumeric())
            || matches!(
                w,
                "at" | "in"
                    | "on"
                    | "who"
                    | "whose"
                    | "whom"
                    | "which"
                    | "that"
                    | "where"
                    | "when"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "said"
                    | "told"
                    | "says"
            )
            || out.len() == 8;
        if stop {
            break;
        }
        out.push(w);
    }
    out.iter()
        .take(4)
        .any(|w| lex.roles.contains(w))
        .then(|| out.join(" "))
}

/// `the Lukashenko regime`, `the Trump administration`: a name standing for the rule it heads
/// is described by that phrase.
pub(super) fn rule_named_after(ws: &[Word], i: usize, j: usize) -> Option<String> {
    let the = ws.get(i.checked_sub(1)?)?.1;
    let noun = ws.get(j)?.1;
    (matches!(the, "the" | "The") && matches!(noun, "regime" | "government" | "administration" | "camp"))
        .then(|| {
            let name: Vec<&str> = ws[i..j].iter().map(|w| w.1).collect();
            format!("the {} {noun}", name.join(" "))
        })
}

/// Whether the words around the name at `ws[i..j]` say it is an organisation's: a noun for a
/// body right before it (`oil giant Yukos`, `a firm called Baikal`) or right after it (`his 4B
/// clothing label`, not at a sentence's start), a role held in a body before `of`, `at` or `for` (`chief of Brightcove`,
/// `an analyst at Stone & McCarthy Research`), or a description set off after it that holds
/// such a noun (`Yuganskneftegaz, the unit which …`).
pub(super) fn org_context(ws: &[Word], i: usize, j: usize, sentence_start: bool, lex: &Lexicon) -> bool {
    let possessive = j > 0 && strip_possessive(ws[j - 1].1).1;
    let lower = |w: &&Word| w.1.chars().next().is_some_and(char::is_lowercase);
    // (`Software giant Microsoft`: a sentence's first word before such a noun describes)
    let noun_after = !possessive
        && !sentence_start
        && ws[j.min(ws.len())..]
            .iter()
            .take(3)
            .take_while(lower)
            .any(|w| lex.org_nouns.contains(w.1));
    let described_after = ws.get(j).is_some_and(|w| w.1 == ",")
        && ws.get(j + 1).is_some_and(|w| matches!(w.1, "the" | "a" | "an"))
        && ws[j + 2..]
            .iter()
            .take(3)
            .take_while(lower)
            .any(|w| lex.org_nouns.contains(w.1));
    org_before(ws, i, lex) || noun_after || described_after || role_after_name(ws, j, sentence_start, lex)
}

/// Whether a role held in a body follows the name ending at `j` in lower case (`the South Sydney
/// Rabbitohs player`, `a Microsoft spokesman`): the name is the body the role belongs to, not a
/// person. A sentence's first word before a role describes it (`Dance teacher Eve Trew`).
pub(super) fn role_after_name(ws: &[Word], j: usize, sentence_start: bool, lex: &Lexicon) -> bool {
    let possessive = j > 0 && strip_possessive(ws[j - 1].1).1;
    !possessive && !sentence_start && ws.get(j).is_some_and(|w| lex.body_roles.contains(w.1))
}

/// Whether the words before the name starting at `ws[i]` say it is an organisation's (see
/// `org_context`).
pub(super) fn org_before(ws: &[Word], i: usize, lex: &Lexicon) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|n| ws.get(n)).map_or("", |w| w.1);
    let noun_before = lex.org_nouns.contains(before(1))
        || (matches!(before(1), "called" | "named") && lex.org_nouns.contains(before(2)));
    let role_before = match before(1) {
        "of" | "for" => lex.body_roles.contains(before(2)),
        "at" => lex.body_roles.contains(before(2)) || lex.roles.contains(before(2)),
        _ => false,
    };
    noun_before || role_before
}

/// Whether a description set off after the name ending at `j` holds a role (`Touraj Razavi -
/// director of …`, `Jeremy Allaire, chief of Brightcove`, `Ann Lee, the group's founder`): the
/// name is a person's.
pub(super) fn role_after(ws: &[Word], j: usize, lex: &Lexicon) -> bool {
    if !ws
        .get(j)
        .is_some_and(|w| matches!(w.1, "," | "-" | "\u{2013}" | "\u{2014}"))
    {
        return false;
    }
    ws[j + 1..]
        .iter()
        .skip_while(|w| matches!(w.1, "the" | "a" | "an"))
        .take(3)
        .take_while(|w| w.1.chars().next().is_some_and(char::is_lowercase))
        .any(|w| lex.roles.contains(strip_possessive(w.1).0))
}
