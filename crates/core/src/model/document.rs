//! An ingested article: its text and the structure ingestion found in it. Every span indexes
//! into [`Document::text`].

use serde::{Deserialize, Serialize};

use super::{Date, Span};

/// One ingested article. Spans index into `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name the document came from, e.g. `000_bad9fe235c42383a.txt`.
    pub file: String,
    /// The full text, as given (after UTF-8 repair).
    pub text: String,
    /// The headline, when the text has one.
    pub title: Option<Span>,
    /// A section label standing where a headline would be (`Belarus`).
    pub section: Option<Span>,
    /// The date of a leading ` date YYYY-MM-DD` marker.
    pub marker_date: Option<Date>,
    pub dateline: Option<Dateline>,
    pub credits: Vec<PhotoCredit>,
    /// Body paragraphs, in order, not including headline, credits, dateline or debris.
    pub paragraphs: Vec<Paragraph>,
    /// Site debris removed from the body (`More Stories From World`).
    pub debris: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A dateline such as `MOSCOW (UrduPoint News / Sputnik - 19th September, 2020)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline.
    pub span: Span,
    /// `MOSCOW`.
    pub place: Span,
    /// `UrduPoint News / Sputnik`: the outlets the text itself names.
    pub outlets: Option<Span>,
    pub date: Option<Date>,
}

/// A photo credit line; `caption` is the caption run into it, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhotoCredit {
    /// `Sputnik / Evgeny Odinokov` (without the `©`).
    pub credit: Span,
    /// `An opposition rally in Minks, Belarus, on August 24, 2020.`
    pub caption: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// Sentences, in order, covering the paragraph's non-space text.
    pub sentences: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    /// Something ingestion recognised and handled (a credit set apart, debris removed).
    Info,
    /// Something a reader should know: the text may be damaged or incomplete.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
    pub span: Option<Span>,
}

/// A place in a document's body that a link can point at: a paragraph, and a sentence of it
/// when one is meant. Both numbers are 0-based everywhere; the 1-based ones a reader sees exist
/// only in URLs (`#/read/ID/p3/s2`) and in words on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    pub paragraph: usize,
    pub sentence: Option<usize>,
}

impl Document {
    /// The headline text, if any.
    pub fn title_text(&self) -> Option<&str> {
        self.title.map(|s| s.of(&self.text))
    }

    /// The outlets named by the dateline (`UrduPoint News / Sputnik`).
    pub fn outlet_in_text(&self) -> Option<&str> {
        self.dateline.as_ref()?.outlets.map(|s| s.of(&self.text))
    }

    /// The date the text states: the leading marker, else the dateline's.
    pub fn stated_date(&self) -> Option<Date> {
        self.marker_date.or(self.dateline.as_ref().and_then(|d| d.date))
    }

    /// The first sentence of the body, used where a headline is missing.
    pub fn first_sentence(&self) -> Option<&str> {
        let p = self.paragraphs.first()?;
        Some(p.sentences.first().unwrap_or(&p.span).of(&self.text))
    }

    /// The sentence of the body that holds byte `offset` (between two sentences, the one
    /// before); `None` outside the body.
    pub fn sentence_at(&self, offset: u32) -> Option<Anchor> {
        let p = self.paragraphs.partition_point(|p| p.span.end <= offset);
        let para = self.paragraphs.get(p).filter(|para| para.span.start <= offset)?;
        // The last sentence starting at or before the offset: between two sentences, the one
        // before; never one that starts after it.
        let s = para
            .sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1);
        Some(Anchor {
            paragraph: p,
            sentence: Some(s.min(para.sentences.len().saturating_sub(1))),
        })
    }

    /// The byte range an anchor points at: its sentence, or its whole paragraph when it names
    /// none.
    pub fn span_of(&self, anchor: Anchor) -> Option<Span> {
        let para = self.paragraphs.get(anchor.paragraph)?;
        match anchor.sentence {
            None => Some(para.span),
            Some(s) => para.sentences.get(s).copied(),
        }
    }
}
