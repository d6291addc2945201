//! Reading a reader's own articles (`parallax_core::reading`): decoding, HTML and Markdown
//! extraction, names, fingerprints, export and import; one file per concern.

use std::collections::HashSet;

use parallax_core::reading::{
    decode, export, fingerprint, html_to_text, import, markdown_to_text, pasted, read_file, unique_name,
    web_address, AddedArticle, Encoding, Rejection, Taken, MAX_FILE_BYTES,
};
use parallax_core::Date;

mod decoding;
mod exchange;
mod files;
mod html;
mod markdown;
mod never_panics;

// ---- helpers shared by the files ----------------------------------------------------------------

/// Encodes text as Windows-1251, independently of the crate's tables (Russian and Belarusian
/// letters and the punctuation used in the tests).
fn cp1251(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if c.is_ascii() => c as u8,
            'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            'І' => 0xB2,
            'і' => 0xB3,
            'Ў' => 0xA1,
            'ў' => 0xA2,
            '«' => 0xAB,
            '»' => 0xBB,
            '–' => 0x96,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            '№' => 0xB9,
            other => panic!("no cp1251 byte for {other:?}"),
        })
        .collect()
}

/// Encodes text as Windows-1252 (Latin-1 letters and the punctuation used in the tests).
fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
            '€' => 0x80,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            'œ' => 0x9C,
            other => panic!("no cp1252 byte for {other:?}"),
        })
        .collect()
}

fn utf16(s: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

/// A deterministic pseudo-random generator (64-bit LCG, Knuth's constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const RUSSIAN: &str = "Президент Белоруссии Александр Лукашенко заявил в среду, что оппозиция «не получит \
     власть», сообщает агентство БелТА. Протесты в Минске продолжаются уже третью неделю, \
     задержаны десятки человек.";
const BELARUSIAN: &str = "Прэзідэнт заявіў, што ўлада не будзе размаўляць з апазіцыяй.";
const FRENCH: &str = "Le président biélorusse a déclaré mercredi que l’opposition « n’obtiendra pas le \
     pouvoir », selon l’agence d’État. Les manifestations à Minsk se poursuivent depuis trois semaines.";
const SPANISH: &str = "El presidente bielorruso dijo el miércoles que la oposición «no obtendrá el poder». \
     ¿Qué pasará después? Las protestas continúan en Minsk.";
const GERMAN: &str = "Der belarussische Präsident erklärte am Mittwoch, die Opposition werde „die Macht \
     nicht übernehmen“. Die Proteste in Minsk dauern seit drei Wochen an; größere Kundgebungen sind geplant.";
const ENGLISH: &str = "The opposition said the “peaceful march” past the café would go ahead on Sunday, \
     despite warnings from the police.";
