//! Edit distances between words, for typo correction in search and for joining spelling
//! variants of names.

/// The edits a misspelling of a word of `len` characters may hold: none up to 4 characters, 1
/// up to 8, 2 beyond.
pub fn edits_allowed(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// `b` is `a` with two neighbouring characters swapped.
pub fn is_swap(a: &[char], b: &[char]) -> bool {
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    a.len() == b.len()
        && same + 1 < a.len()
        && a[same] == b[same + 1]
        && a[same + 1] == b[same]
        && a[same + 2..] == b[same + 2..]
}

/// Levenshtein distance between `a` and `b` if it is at most `max`; `scratch` holds reusable
/// buffers.
pub fn bounded_distance(
    a: &[char],
    b: &str,
    max: usize,
    scratch: &mut (Vec<char>, Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let (b_chars, prev, cur) = scratch;
    b_chars.clear();
    b_chars.extend(b.chars());
    if b_chars.len().abs_diff(a.len()) > max {
        return None;
    }
    prev.clear();
    prev.extend(0..=b_chars.len());
    cur.clear();
    cur.resize(b_chars.len() + 1, 0);
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b_chars.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    let d = prev[b_chars.len()];
    (d <= max).then_some(d)
}
