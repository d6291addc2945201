//! Rewriting a query as the search page offers it: a facet chosen or cleared, "any of these
//! words" when no article has them all, "Did you mean …?". The query is read into the
//! parser's pieces and written back, so quoted phrases and filter values stay as they are.

use super::query::{apply_filter, atoms_of, is_quote, split_pieces, Atom, Piece, Query};
use crate::model::Date;
use crate::text::tokenize::tokenize;

/// The query with its required words and phrases joined by `OR`, filters and exclusions kept:
/// what to offer when no article has every word. `None` when fewer than two words or phrases
/// are required, or when the query already has an `OR`.
pub fn any_of(input: &str) -> Option<String> {
    let pieces = split_pieces(input, &mut Vec::new());
    if pieces.iter().any(|p| !p.quoted && p.text == "OR") {
        return None;
    }
    let is_filter = |p: &Piece| {
        !p.quoted
            && !p.negated
            && p.text
                .split_once(':')
                .is_some_and(|(key, value)| apply_filter(&mut Query::default(), key, value))
    };
    let (required, rest): (Vec<&Piece>, Vec<&Piece>) = pieces
        .iter()
        .filter(|p| !p.text.is_empty())
        .partition(|p| !p.negated && !is_filter(p));
    // One entry per term the parser would read (`belarus/russia` is two), so that each is
    // one side of an `OR`.
    let words: Vec<String> = required
        .iter()
        .flat_map(|p| {
            if p.quoted {
                return vec![format!("\"{}\"", p.text)];
            }
            atoms_of(p, false)
                .into_iter()
                .filter_map(|a| match a {
                    Atom::Term { word, prefix } => Some(if prefix { format!("{word}*") } else { word }),
                    Atom::Phrase(_) => None,
                })
                .collect()
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    let others = rest.iter().map(|p| written(p));
    // Filters after the words, so the last word stays the one read as a prefix as you type.
    let mut out = words.join(" OR ");
    for other in others {
        out.push(' ');
        out.push_str(&other);
    }
    if input.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    Some(out)
}

/// The query with every unquoted word whose folded form is `from` written `to` instead (what
/// is around it, such as `-`, `*` or punctuation, kept): what a "Did you mean …?" link
/// searches for.
pub fn replace_word(input: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut quoted = false;
    let mut rest = input;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (chunk, after) = rest.split_at(end);
        let gap = after.len() - after.trim_start().len();
        if quoted || chunk.contains(is_quote) {
            out.push_str(chunk);
        } else {
            let mut copied = 0;
            for t in tokenize(chunk, 0)
                .0
                .iter()
                .filter(|t| !t.compound && t.exact == from)
            {
                out.push_str(&chunk[copied..t.start]);
                out.push_str(to);
                copied = t.end;
            }
            out.push_str(&chunk[copied..]);
        }
        quoted ^= chunk.chars().filter(|&c| is_quote(c)).count() % 2 == 1;
        out.push_str(&after[..gap]);
        rest = &after[gap..];
    }
    out
}

/// A piece as it would be typed: its sign, its quotation marks, and a filter value with spaces
/// in quotes (`entity:"Maria Kolesnikova"`).
fn written(p: &Piece) -> String {
    let sign = if p.negated { "-" } else { "" };
    match p.text.split_once(':') {
        _ if p.quoted => format!("{sign}\"{}\"", p.text),
        Some((key, value)) if value.contains(char::is_whitespace) => format!("{sign}{key}:\"{value}\""),
        _ => format!("{sign}{}", p.text),
    }
}

/// The filter key of a piece when it is a filter the parser applies (`outlet`, `after`, …),
/// lower-cased.
fn filter_key(p: &Piece) -> Option<String> {
    let (key, value) = p.text.split_once(':').filter(|_| !p.quoted && !p.negated)?;
    apply_filter(&mut Query::default(), key, value).then(|| key.to_ascii_lowercase())
}

/// The query with the filters whose keys are in `keys` removed and `added` appended (after
/// the words, so the last word stays the one read as a prefix as you type).
fn with_filters(input: &str, keys: &[&str], added: &[String]) -> String {
    let kept = split_pieces(input, &mut Vec::new())
        .iter()
        .filter(|p| !p.text.is_empty() || p.quoted)
        .filter(|p| !filter_key(p).is_some_and(|k| keys.contains(&k.as_str())))
        .map(written)
        .collect::<Vec<_>>();
    kept.into_iter()
        .chain(added.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The query with its `outlet:` filters replaced by `outlet:KEY`, or removed for `None`: what
/// an outlet facet links to.
pub fn with_outlet(input: &str, key: Option<&str>) -> String {
    let added: Vec<String> = key.map(|k| format!("outlet:{k}")).into_iter().collect();
    with_filters(input, &["outlet", "source"], &added)
}

/// The query with its date filters replaced by the bounds of `month` (`2020-09`), or removed
/// for `None`: what a month facet links to.
pub fn with_month(input: &str, month: Option<&str>) -> String {
    let added: Vec<String> = month
        .map(|m| vec![format!("after:{m}"), format!("before:{m}")])
        .unwrap_or_default();
    with_filters(input, &["after", "before"], &added)
}

/// Whether the parsed query selects exactly this outlet (by key, any case).
pub fn selects_outlet(query: &Query, key: &str) -> bool {
    query.outlets.iter().any(|o| o.eq_ignore_ascii_case(key))
}

/// Whether the parsed query's dates are exactly the month whose bounds are given.
pub fn selects_month(query: &Query, bounds: (Date, Date)) -> bool {
    query.after == Some(bounds.0) && query.before == Some(bounds.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::month_bounds;
    use crate::search::query::{parse_query, ParseOptions};

    fn parse(s: &str) -> Query {
        parse_query(s, ParseOptions::default())
    }

    fn term(w: &str) -> Atom {
        Atom::Term {
            word: w.into(),
            prefix: false,
        }
    }

    #[test]
    fn any_of_joins_the_required_words_and_keeps_the_rest() {
        assert_eq!(
            any_of(
                "belarus outlet:rt \u{201C}nobel prize\u{201D} -sanctions entity:\"Maria Kolesnikova\" tikh*"
            )
            .as_deref(),
            Some("belarus OR \"nobel prize\" OR tikh* outlet:rt -sanctions entity:\"Maria Kolesnikova\"")
        );
        assert_eq!(any_of("belarus minsk ").as_deref(), Some("belarus OR minsk "));
        let q = parse(&any_of("belarus minsk moscow").unwrap());
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].len(), 3);
        // A piece of several words gives each its side of the OR.
        let q = parse(&any_of("minsk belarus/russia").unwrap());
        assert_eq!(
            q.clauses,
            vec![vec![term("minsk"), term("belarus"), term("russia")]]
        );
        // An excluded filter-like piece stays excluded, its quotes kept.
        let q = parse(&any_of("belarus minsk -entity:\"Maria Kolesnikova\"").unwrap());
        assert!(q.entities.is_empty());
        assert_eq!(q.excluded.len(), 3);
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(any_of("belarus"), None);
        assert_eq!(any_of("belarus -minsk outlet:rt"), None);
        assert_eq!(any_of("minsk OR moscow belarus"), None);
        assert_eq!(any_of(""), None);
    }

    #[test]
    fn replace_word_rewrites_unquoted_words_only() {
        assert_eq!(
            replace_word(
                "Goverment's  \"goverment\" -goverment gover* goverment* (goverment), goverment/budget",
                "goverment",
                "government"
            ),
            "government  \"goverment\" -government gover* government* (government), government/budget"
        );
        assert_eq!(replace_word(" x ", "y", "z"), " x ");
        assert_eq!(
            replace_word("\"a goverment\" goverment", "goverment", "government"),
            "\"a goverment\" government"
        );
    }

    #[test]
    fn facets_replace_their_filters_and_keep_everything_else() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("belarus outlet:rt", Some("sputnik"), "belarus outlet:sputnik"),
            ("belarus Outlet:rt", None, "belarus"),
            ("belarus source:rt minsk", Some("rt"), "belarus minsk outlet:rt"),
            ("\"outlet:rt\" belarus", None, "\"outlet:rt\" belarus"),
            ("-outlet:rt belarus", None, "-outlet:rt belarus"),
            (
                "entity:\"Maria Kolesnikova\" outlet:rt",
                None,
                "entity:\"Maria Kolesnikova\"",
            ),
            ("note:this outlet:rt", None, "note:this"),
        ];
        for &(input, key, want) in cases {
            assert_eq!(with_outlet(input, key), want, "{input:?} with outlet {key:?}");
        }
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "a after:2020 before:2021",
                Some("2020-09"),
                "a after:2020-09 before:2020-09",
            ),
            ("a after:2020-09 before:2020-09", None, "a"),
            (
                "\"after:2020\" a outlet:rt",
                Some("2020-09"),
                "\"after:2020\" a outlet:rt after:2020-09 before:2020-09",
            ),
        ];
        for &(input, month, want) in cases {
            assert_eq!(with_month(input, month), want, "{input:?} with month {month:?}");
        }
    }

    #[test]
    fn a_facet_is_selected_only_by_its_own_filter() {
        let q = parse("belarus outlet:RT after:2020-09 before:2020-09");
        assert!(selects_outlet(&q, "rt"));
        assert!(!selects_outlet(&q, "rtx"));
        assert!(!selects_outlet(&parse("\"outlet:rt\" belarus"), "rt"));
        let september = month_bounds((2020, 9)).unwrap();
        assert!(selects_month(&q, september));
        assert!(!selects_month(&parse("belarus after:2020-09"), september));
        assert!(!selects_month(&q, month_bounds((2020, 10)).unwrap()));
    }
}
