//! Typo correction and suggestions: the nearest indexed word within a few edits (Myers'
//! bit-parallel distance), and a far more common word one slip away from a rare one.

use super::results::Suggestion;
use crate::index::{word_shape, TermTable};
use crate::text::distance::{bounded_distance, edits_allowed, is_swap};
use crate::text::tokenize::stem;

/// A word of 6 or more letters found in at most this many articles may be a misspelling the
/// articles share, or match only by a shared stem (`goverment`, stem `gover`, finds one
/// `governess`): a word one slip away (a letter left out or added, or two neighbours swapped),
/// of another stem, that is in [`SUGGEST_RATIO`] times as many articles is suggested, not
/// applied. A letter left out or added at the end is not suggested: it mostly makes another
/// word (`brandy`, `brand`).
pub const SUGGEST_BELOW: usize = 5;
pub const SUGGEST_RATIO: usize = 20;

/// Records a suggestion for `word` when it matches (in any form) at most [`SUGGEST_BELOW`]
/// articles, `df`, and a word [`SUGGEST_RATIO`] times as common is one slip away.
pub(super) fn suggest(table: &TermTable, word: &str, df: usize, suggestions: &mut Vec<Suggestion>) {
    if df > SUGGEST_BELOW || word.chars().count() < 6 || suggestions.iter().any(|s| s.from == word) {
        return;
    }
    let own_stem = stem(word);
    let likelier = |term: &str, docs: usize| {
        docs >= df * SUGGEST_RATIO
            && is_slip(word, term)
            && !term.starts_with(word)
            && !word.starts_with(term)
            && stem(term) != own_stem
    };
    if let Some(to) = correct(table, word, likelier) {
        suggestions.push(Suggestion {
            from: word.to_string(),
            from_docs: df,
            to,
        });
    }
}

/// One typing slip apart: a letter left out or added, or two neighbouring letters swapped.
/// (A changed letter is left out: it too often makes another real word, butter and better.)
fn is_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => is_swap(short, long),
        1 => {
            let same = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
            short[same..] == long[same + 1..]
        }
        _ => false,
    }
}

/// The nearest other indexed word that `accept(word, its number of articles)` takes, within
/// the edit distance allowed for the word's length (none up to 4 characters, 1 up to 8, 2
/// beyond), two neighbouring letters swapped counting as one edit (`bealrus`, `belarus`), as
/// they are one slip to a typist; ties (a swap and a changed letter alike) go to the more
/// frequent word. Only
/// words with the same first letter are considered (typos rarely hit the first letter, and the
/// sorted dictionary makes that range cheap); words with digits or hyphens are never corrected.
pub(super) fn correct(table: &TermTable, word: &str, accept: impl Fn(&str, usize) -> bool) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let allowed = edits_allowed(chars.len());
    if allowed == 0 {
        return None;
    }
    if word.contains(|c: char| c.is_ascii_digit() || c == '-') {
        return None;
    }
    let first = &word[..chars[0].len_utf8()];
    let pattern = BitPattern::new(&chars);
    let mut scratch = (Vec::new(), Vec::new(), Vec::new());
    let mut best: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
    let (letters, length) = word_shape(word);
    let shapes = table.shapes();
    for i in table.with_prefix(first) {
        // Cheap necessary conditions first: an edit changes the length by at most one
        // character, and adds or drops at most one character of each set.
        let (term_letters, term_length) = shapes[i];
        if term_length.abs_diff(length) > allowed
            || (term_letters ^ letters).count_ones() as usize > 2 * allowed
        {
            continue;
        }
        let term = &table.terms[i];
        if term == word || !accept(term, table.postings[i].doc_freq()) {
            continue;
        }
        let swapped = (term_letters, term_length) == (letters, length)
            && is_swap(&chars, &term.chars().collect::<Vec<_>>());
        let distance = match &pattern {
            _ if swapped => Some(1),
            Some(p) => p.distance(term, allowed),
            None => bounded_distance(&chars, term, allowed, &mut scratch),
        };
        if let Some(d) = distance {
            let key = (d, std::cmp::Reverse(table.postings[i].doc_freq()), i);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
    }
    best.map(|(_, _, i)| table.terms[i].clone())
}

/// A word of at most 64 characters, prepared for Myers' bit-parallel edit distance (as
/// formulated by Hyyrö, 2001): one column of the distance table is two `u64`s, so a term costs
/// a few operations per character.
struct BitPattern {
    /// For each character of the word, the bits of the positions where it occurs.
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
    len: usize,
}

impl BitPattern {
    /// `None` for an empty word or one over 64 characters.
    fn new(word: &[char]) -> Option<BitPattern> {
        if word.is_empty() || word.len() > 64 {
            return None;
        }
        let mut p = BitPattern {
            ascii: [0; 128],
            other: Vec::new(),
            len: word.len(),
        };
        for (i, &c) in word.iter().enumerate() {
            match p.ascii.get_mut(c as usize) {
                Some(bits) => *bits |= 1 << i,
                None => match p.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, bits)) => *bits |= 1 << i,
                    None => p.other.push((c, 1 << i)),
                },
            }
        }
        Some(p)
    }

    fn occurrences(&self, c: char) -> u64 {
        match self.ascii.get(c as usize) {
            Some(&bits) => bits,
            None => self.other.iter().find(|(o, _)| *o == c).map_or(0, |&(_, b)| b),
        }
    }

    /// Levenshtein distance between the word and `text` if it is at most `max`.
    fn distance(&self, text: &str, max: usize) -> Option<usize> {
        let last = 1u64 << (self.len - 1);
        let (mut pv, mut mv) = (u64::MAX, 0u64);
        let mut score = self.len;
        let mut left = text.chars().count();
        for c in text.chars() {
            let eq = self.occurrences(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // Row 0 of the table grows by one per character of the text.
            let ph = (ph << 1) | 1;
            let mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            left -= 1;
            // Each remaining character lowers the score by at most one.
            if score > max + left {
                return None;
            }
        }
        (score <= max).then_some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_one_letter_left_out_or_added_or_two_swapped() {
        assert!(is_slip("goverment", "government"));
        assert!(is_slip("government", "goverment"));
        assert!(is_slip("minsitry", "ministry"));
        assert!(is_slip("ab", "ba"));
        assert!(!is_slip("butter", "better"));
        assert!(!is_slip("ministry", "ministry"));
        assert!(!is_slip("abc", "cab"));
        assert!(!is_slip("goverment", "govermentally"));
        assert!(is_slip("é", ""));
    }

    /// The bit-parallel distance agrees with the table-filling one, on words of every length
    /// up to 64 with repeated, accented and non-Latin letters.
    #[test]
    fn bit_parallel_distance_matches_the_plain_one() {
        let alphabet: Vec<char> = "abcéжz'".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut scratch = Default::default();
        for round in 0..3000 {
            let len_a = 1 + next(if round % 50 == 0 { 64 } else { 9 });
            let a: Vec<char> = (0..len_a).map(|_| alphabet[next(alphabet.len())]).collect();
            let b: String = if round % 2 == 0 {
                (0..next(12)).map(|_| alphabet[next(alphabet.len())]).collect()
            } else {
                // A few edits away from `a`.
                let mut b = a.clone();
                for _ in 0..next(4) {
                    let at = next(b.len() + 1);
                    match next(3) {
                        0 => b.insert(at, alphabet[next(alphabet.len())]),
                        1 if at < b.len() => b[at] = alphabet[next(alphabet.len())],
                        _ if at < b.len() => {
                            b.remove(at);
                        }
                        _ => {}
                    }
                }
                b.into_iter().collect()
            };
            let max = next(4);
            let pattern = BitPattern::new(&a).expect("1 to 64 characters");
            assert_eq!(
                pattern.distance(&b, max),
                bounded_distance(&a, &b, max, &mut scratch),
                "{:?} vs {b:?}, max {max}",
                a.iter().collect::<String>()
            );
        }
        assert!(BitPattern::new(&[]).is_none());
        assert!(BitPattern::new(&['a'; 65]).is_none());
    }
}
