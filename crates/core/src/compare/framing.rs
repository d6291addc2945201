//! Frame dimensions and contrast wordings of a side, from the editable cue lists in
//! `data/frames.txt` and `data/contrasts.txt`.

use std::collections::HashMap;

use super::sides::SideText;
use super::SentenceRef;
use crate::text::data_lines;
use crate::text::tokenize::tokenize;

/// A list of cues: each a sequence of stems.
pub type Cues = Vec<Vec<String>>;

fn cues(list: &str) -> Cues {
    list.split(',')
        .map(|cue| {
            let (tokens, _) = tokenize(cue, 0);
            tokens
                .into_iter()
                .filter(|t| !t.compound)
                .map(|t| t.stem)
                .collect::<Vec<_>>()
        })
        .filter(|c: &Vec<String>| !c.is_empty())
        .collect()
}

/// The frame dimensions and their cues, from `data/frames.txt`.
pub fn frames() -> &'static [(String, Cues)] {
    static FRAMES: std::sync::OnceLock<Vec<(String, Cues)>> = std::sync::OnceLock::new();
    FRAMES.get_or_init(|| {
        data_lines(include_str!("../../data/frames.txt"))
            .filter_map(|l| l.split_once('|'))
            .map(|(name, list)| (name.trim().to_string(), cues(list)))
            .collect()
    })
}

/// One wording of a contrast pair: its display text and its cues.
pub type Wording = (String, Cues);

/// The contrast pairs, from `data/contrasts.txt`: `(first wording, second wording)`.
pub fn contrasts() -> &'static [(Wording, Wording)] {
    static PAIRS: std::sync::OnceLock<Vec<(Wording, Wording)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        data_lines(include_str!("../../data/contrasts.txt"))
            .filter_map(|l| l.split_once('|'))
            .map(|(x, y)| ((x.trim().to_string(), cues(x)), (y.trim().to_string(), cues(y))))
            .collect()
    })
}

/// Frame dimensions and contrast wordings of one side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Framing {
    pub sentences: usize,
    /// Per dimension of [`frames`], the sentences tagged with it.
    pub frames: Vec<Vec<SentenceRef>>,
    /// Per pair of [`contrasts`], occurrences of the first and of the second wording, and the
    /// sentences of each.
    pub contrasts: Vec<[(usize, Vec<SentenceRef>); 2]>,
}

pub fn framing(text: &SideText) -> Framing {
    let frames = frames();
    let pairs = contrasts();
    // Every cue by its first stem, with what it counts for: a frame, or a wording of a pair.
    #[derive(Clone, Copy)]
    enum Target {
        Frame(usize),
        Wording(usize, usize),
    }
    let mut by_first: HashMap<&str, Vec<(Target, &[String])>> = HashMap::new();
    let mut add = |target: Target, cues: &'static Cues| {
        for cue in cues {
            by_first
                .entry(cue[0].as_str())
                .or_default()
                .push((target, cue.as_slice()));
        }
    };
    for (i, (_, cues)) in frames.iter().enumerate() {
        add(Target::Frame(i), cues);
    }
    for (i, ((_, first), (_, second))) in pairs.iter().enumerate() {
        add(Target::Wording(i, 0), first);
        add(Target::Wording(i, 1), second);
    }
    let mut out = Framing {
        sentences: text.sentences.len(),
        frames: vec![Vec::new(); frames.len()],
        contrasts: vec![Default::default(); pairs.len()],
    };
    for (r, words) in &text.sentences {
        let mut tagged = vec![false; frames.len()];
        let mut counted = vec![[0usize; 2]; pairs.len()];
        for (at, w) in words.iter().enumerate() {
            for (target, cue) in by_first.get(w.stem.as_str()).into_iter().flatten() {
                let fits =
                    words.len() - at >= cue.len() && cue.iter().zip(&words[at..]).all(|(c, t)| *c == t.stem);
                match (*target, fits) {
                    (Target::Frame(i), true) => tagged[i] = true,
                    (Target::Wording(i, k), true) => counted[i][k] += 1,
                    (_, false) => {}
                }
            }
        }
        for (i, _) in tagged.iter().enumerate().filter(|(_, t)| **t) {
            out.frames[i].push(*r);
        }
        for (i, n) in counted.iter().enumerate() {
            for (k, &hits) in n.iter().enumerate().filter(|(_, h)| **h > 0) {
                out.contrasts[i][k].0 += hits;
                out.contrasts[i][k].1.push(*r);
            }
        }
    }
    out
}
