//! Places in a document: byte spans, and calendar dates.
//!
//! All offsets in Parallax are **byte offsets into a document's `text`**, as half-open ranges
//! `start..end` with `start <= end`, always on `char` boundaries.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text; `start <= end`, both on `char`
/// boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// Builds a span; the bounds are swapped when given in the wrong order.
    pub fn new(start: usize, end: usize) -> Span {
        let (start, end) = if start <= end { (start, end) } else { (end, start) };
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The slice of `text` this span covers, or `""` when the span does not fit `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A calendar date, as stated in a text or given by metadata. Only validated for plausibility
/// (month 1–12, day 1–31, year 1800–2200), not against the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date when the parts are plausible.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let plausible = (1800..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
        plausible.then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(num(0..4)?, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before), for the
    /// distance between two dates.
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil, with the year starting in March.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The month as an English name, `January` … `December`.
    pub fn month_name(&self) -> &'static str {
        MONTHS[(self.month as usize).saturating_sub(1).min(11)]
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_count_from_the_epoch_across_leap_years() {
        let days = |y, m, d| Date::new(y, m, d).unwrap().days();
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2000, 3, 1) - days(2000, 2, 28), 2, "2000 is a leap year");
        assert_eq!(days(1900, 3, 1) - days(1900, 2, 28), 1, "1900 is not");
        assert_eq!(days(2021, 2, 15) - days(2020, 8, 24), 175);
        assert_eq!(days(1969, 12, 31), -1);
    }
}
