//! How figures read on screen.

use parallax_core::entities::Kind;
use parallax_core::quotes::Tie;
use parallax_core::Date;

/// `19 September 2020`.
pub fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day, d.month_name(), d.year)
}

/// `Sep 2020`.
pub fn month_year(d: Date) -> String {
    format!("{} {}", &d.month_name()[..3], d.year)
}

/// `Sep 2020` for a month key `(2020, 9)`; `2020-13` stays as written.
pub fn month_key(m: (u16, u8)) -> String {
    Date::new(m.0 as u32, m.1 as u32, 1).map_or_else(|| format!("{}-{}", m.0, m.1), month_year)
}

/// `1 article`, `5 articles`, `20,500 articles`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

/// A count with its thousands set apart: `2,971`, `20,500`.
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, d) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A time between two tellings, in plain words: `2 days`, `3 weeks`, `6 months`, `2 years`.
pub fn time_apart(days: u32) -> String {
    match days {
        0..=13 => count(days as usize, "day", "days"),
        14..=59 => count(days as usize / 7, "week", "weeks"),
        60..=729 => count((days as usize + 15) / 30, "month", "months"),
        _ => count(days as usize / 365, "year", "years"),
    }
}

/// The plural a page uses for a kind: `People`.
pub fn kind_plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "People",
        Kind::Organisation => "Organisations",
        Kind::Place => "Places",
        Kind::Group => "Groups",
    }
}

/// How a quotation's speaker was found, in words a reader can check against the text: `Speaker
/// found from the words “he said”`.
pub fn tie_sentence(tie: Tie, text: &str) -> String {
    match tie {
        Tie::Words(s) => format!("Speaker found from the words \u{201C}{}\u{201D}", s.of(text)),
        Tie::Continues => "Speaker found because it goes on from the quotation before it".to_string(),
        Tie::TurnedTo(s) => format!(
            "Speaker found because the article turns to \u{201C}{}\u{201D} just before it",
            s.of(text)
        ),
        Tie::Nothing => "No speaker found: the words around it name nobody".to_string(),
    }
}

/// The short form of [`tie_sentence`] beside a speaker's name in the reader: `“he said”`,
/// `goes on`, `named before`.
pub fn tie_short(tie: Tie, text: &str) -> String {
    match tie {
        Tie::Words(s) => format!("\u{201C}{}\u{201D}", s.of(text)),
        Tie::Continues => "goes on".to_string(),
        Tie::TurnedTo(_) => "named before".to_string(),
        Tie::Nothing => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_naturally() {
        let d = Date::parse_iso("2020-09-19").unwrap();
        assert_eq!(long_date(d), "19 September 2020");
        assert_eq!(month_year(d), "Sep 2020");
        assert_eq!(month_key((2021, 2)), "Feb 2021");
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(20_500, "article", "articles"), "20,500 articles");
        let numbers: Vec<String> = [0, 999, 1000, 2971, 1_234_567].into_iter().map(number).collect();
        assert_eq!(numbers, ["0", "999", "1,000", "2,971", "1,234,567"]);
        let apart: Vec<String> = [1, 2, 20, 175, 800].into_iter().map(time_apart).collect();
        assert_eq!(apart, ["1 day", "2 days", "2 weeks", "6 months", "2 years"]);
    }
}
