//! Finding the quotations of each document ([`extract_quotes_in`]): the quoted spans of its
//! paragraphs, continued across paragraphs, and the context their attribution reads (where each
//! person is named, pronouns, descriptions, the previous speaker).

use super::attribute::{attribute, plural, Cue};
use super::speakers::{add_co_speakers, Speakers};
use super::{reporting_verbs, Named, Quote, Tie};
use crate::entities::{gender_of, is_title_word, names_a_body, names_nobody, Entity, Gender, Kind};
use crate::model::{Article, Span};

/// The quotations of the documents `docs` (positions in `articles`), as
/// [`extract_quotes`](super::extract_quotes) finds them: a caller can take the corpus a slice at
/// a time.
pub fn extract_quotes_in(
    articles: &[Article],
    entities: &[Entity],
    speakers: &Speakers,
    docs: std::ops::Range<usize>,
) -> Vec<Quote> {
    let by_alias = &speakers.by_alias;
    let mut out = Vec::new();
    for (doc, article) in articles.iter().enumerate().take(docs.end).skip(docs.start) {
        let here = speakers.in_doc.get(doc).map_or(&[][..], Vec::as_slice);
        let d = &article.document;
        let text = d.text.as_str();
        // Where each person of this document is named, for pronouns and descriptions.
        // Possessives (`Navalny's hotel`) and names inside quotations are not antecedents.
        let quoted: Vec<(usize, usize)> = d
            .paragraphs
            .iter()
            .flat_map(|p| {
                let base = p.span.start as usize;
                quoted_spans(p.span.of(text), false)
                    .into_iter()
                    .map(move |(s, e, _)| (base + s, base + e))
            })
            .collect();
        let mut named: Vec<(usize, usize)> = Vec::new(); // (byte offset, entity)
        for &i in here {
            let e = &entities[i];
            if e.kind != Kind::Person {
                continue;
            }
            for alias in &e.aliases {
                named.extend(
                    text.match_indices(alias.as_str())
                        .filter(|&(at, a)| {
                            let rest = &text[at + a.len()..];
                            let word_end = !rest.starts_with(char::is_alphanumeric);
                            let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
                            word_end && !possessive && !quoted.iter().any(|&(s, e)| s <= at && at < e)
                        })
                        .map(|(at, _)| (at, i)),
                );
            }
        }
        // Captions (MailOnline's lines under pictures, without a full stop or a quotation) are
        // not the story's thread: a name there is nobody's antecedent.
        let captions: Vec<Span> = d
            .paragraphs
            .iter()
            .map(|p| (p.span, p.span.of(text).trim_end()))
            .filter(|(span, t)| {
                let quotes_here = quoted
                    .iter()
                    .any(|&(s, _)| span.start as usize <= s && s < span.end as usize);
                !ends_as_prose(t) && !quotes_here
            })
            .map(|(span, _)| span)
            .collect();
        named.retain(|&(at, _)| {
            !captions
                .iter()
                .any(|c| c.start as usize <= at && at < c.end as usize)
        });
        named.sort_unstable();
        named.dedup_by_key(|n| n.0);
        // The pronoun that first follows a person's name in its own sentence (`Beverly Hawkins
        // couldn't believe her eyes`).
        let pronoun_after = |e: usize| {
            named.iter().filter(|&&(_, x)| x == e).find_map(|&(at, _)| {
                let rest = &text[at..];
                let end = rest
                    .find(['.', '!', '?', '"', '\u{201C}', '\n'])
                    .unwrap_or(rest.len());
                rest[..end]
                    .split(|c: char| !c.is_alphabetic())
                    .find_map(|w| match w {
                        "he" | "his" | "him" => Some(Gender::Male),
                        "she" | "her" => Some(Gender::Female),
                        _ => None,
                    })
            })
        };
        let gender = |e: usize| {
            let labels: Vec<&str> = entities[e]
                .labels
                .iter()
                .filter(|(_, d)| *d == doc as u32)
                .map(|(l, _)| l.as_str())
                .collect();
            gender_of(&entities[e].name, &labels).or_else(|| pronoun_after(e))
        };
        // Whether a name stands as a subject: first in its sentence, or before a reporting verb.
        let subject_like = |at: usize| {
            let line_start = text[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| matches!(c, '.' | '\n' | '"' | '\u{201C}' | '\u{2018}'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let lead = &text[line_start..at];
            let after: Vec<&str> = text[at..].split_whitespace().take(10).collect();
            // one of a list of names (`Josip Drmic, Moritz Leitner and Tom Trybull have`) is
            // no one person's subject: a pronoun later does not stand for it
            let name_end = after
                .iter()
                .position(|w| !w.starts_with(char::is_uppercase) || w.ends_with(','))
                .unwrap_or(after.len());
            let capital = |w: &str| w.starts_with(char::is_uppercase);
            let mut k = name_end;
            if after.get(k).is_some_and(|w| w.ends_with(',') && capital(w)) {
                k += 1 + after[k + 1..].iter().take_while(|w| capital(w)).count();
            }
            let listed = after.get(k).is_some_and(|w| matches!(*w, "and" | "&"))
                && after.get(k + 1).is_some_and(|w| capital(w));
            !listed
                && lead
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase) || w.ends_with(','))
                || after
                    .iter()
                    // within its own sentence (`… by its editor, Boris Johnson. He said: "…` is
                    // not Boris Johnson's)
                    .scan(false, |ended, w| {
                        let this = (!*ended).then_some(*w);
                        *ended |= w.ends_with(['.', '!', '?']) && !w.ends_with("Mr.") && w.len() > 2;
                        this
                    })
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .any(|w| reporting_verbs().contains(&w))
        };
        // A description (`the US Congressmen said`) names the first person of this document
        // whose label has its head noun; otherwise, and for pronouns, the last person named
        // before the quotation.
        // The last speaker, where that quotation ended, and whether its words named several.
        let previous: std::cell::Cell<(Option<usize>, usize, bool)> = std::cell::Cell::new((None, 0, false));
        // Whether the words read so far describe a speaker this document does not name (`the
        // witness`, `the report`, `they` after a person).
        let nobody = std::cell::Cell::new(false);
        let unnamed = || {
            nobody.set(true);
            None
        };
        // Where the quotation being attributed ends. A person it names as someone else (`She
        // said: "… Mia cried her eyes out"`) is not who a pronoun or description before it
        // stands for: by a full name, or a name of theirs standing alone (not part of another's,
        // as a spouse's `John Smith` holds `Smith`). Not so a name the speaker gives as their
        // own (`I'm Jason Isaacs`, `my name is Helen`), nor one opening a quotation inside it
        // (`Rio says to me 'Kate, just sit down'`: Kate is spoken to)
        let quote_end = std::cell::Cell::new(0usize);
        let named_inside = |e: usize, at: usize| {
            let quote = text.get(at..quote_end.get()).unwrap_or("");
            let capital = |c: Option<char>| c.is_some_and(char::is_uppercase);
            let alone = |i: usize, a: &str| {
                let before = quote[..i].trim_end_matches(' ');
                let after = &quote[i + a.len()..];
                let whole =
                    !after.starts_with(char::is_alphanumeric) && !quote[..i].ends_with(char::is_alphanumeric);
                let previous = before.rsplit(' ').next().unwrap_or("");
                // (or a name after `the`, which is no one: `the Trump name`, `the best Tamar
                // Braxton I can be`)
                let own = ["I'm", "I\u{2019}m", "am", "is", "name's", "name\u{2019}s"].contains(&previous)
                    || before.rsplit(' ').take(2).any(|w| w.eq_ignore_ascii_case("the"));
                let opens = before.ends_with(['\'', '"', '\u{2018}', '\u{201C}']);
                let in_a_name = !a.contains(' ')
                    && (capital(previous.chars().next()) && !previous.ends_with(['.', ',', ':', ';'])
                        || capital(after.trim_start_matches(' ').chars().next())
                            && !after.starts_with([',', '.']));
                whole && !own && !opens && !in_a_name
            };
            entities[e]
                .aliases
                .iter()
                .any(|a| quote.match_indices(a.as_str()).any(|(i, a)| alone(i, a)))
        };
        let last_person_before = |words: &[&str], at: usize| -> Option<usize> {
            let pronoun = words.iter().rev().find_map(|w| match w.to_lowercase().as_str() {
                "he" | "his" => Some(Gender::Male),
                "she" | "her" => Some(Gender::Female),
                _ => None,
            });
            // `they` is a body, a group or people that spoke before, never one person
            if words.iter().any(|w| w.eq_ignore_ascii_case("they")) {
                let (speaker, _, several) = previous.get();
                return speaker
                    .filter(|&e| several || entities[e].kind != Kind::Person)
                    .or_else(unnamed);
            }
            // The person a pronoun (or a noun of sex) of gender `g` stands for.
            let of_gender = |g: Gender| {
                let fits = |e: usize| gender(e).is_none_or(|x| x == g) && !named_inside(e, at);
                let (prev_speaker, prev_at, _) = previous.get();
                let since = named
                    .iter()
                    .rev()
                    .take_while(|(p, _)| *p >= prev_at)
                    .filter(|(p, e)| *p < at && fits(*e) && subject_like(*p))
                    .map(|&(_, e)| e)
                    .next();
                since
                    .or(prev_speaker.filter(|&e| entities[e].kind == Kind::Person && fits(e)))
                    .or_else(|| {
                        named
                            .iter()
                            .rev()
                            .find(|(p, e)| *p < at && fits(*e))
                            .map(|&(_, e)| e)
                    })
            };
            if let Some(g) = pronoun {
                return of_gender(g);
            }
            let head = words
                .iter()
                .rev()
                .find(|w| !adverb(w))
                .copied()
                .filter(|w| w.len() > 3);
            // A body (`the committee said`) is the organisation of this document that its name
            // or label calls so, named last before the quotation; a text (`the report warned`,
            // `the outlet revealed`) is nobody's words we can name.
            if let Some(noun) = head.filter(|h| h.starts_with(char::is_lowercase)) {
                if writing(noun) {
                    return unnamed();
                }
                if names_a_body(noun) {
                    let called = |e: usize| {
                        entities[e].name.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
                            || entities[e].labels.iter().any(|(l, d)| {
                                *d == doc as u32 && l.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
                            })
                    };
                    let last_named = |e: usize| {
                        entities[e]
                            .aliases
                            .iter()
                            .filter_map(|a| text[..at].rfind(a.as_str()))
                            .max()
                    };
                    return here
                        .iter()
                        .copied()
                        .filter(|&e| entities[e].kind == Kind::Organisation && called(e))
                        .filter_map(|e| last_named(e).map(|p| (p, e)))
                        .max()
                        .map(|(_, e)| e)
                        .or_else(unnamed);
                }
            }
            let labelled = |e: usize, head: &str| {
                entities[e].labels.iter().any(|(label, d)| {
                    *d == doc as u32 && label.split_whitespace().any(|l| l.eq_ignore_ascii_case(head))
                })
            };
            let described = head.and_then(|head| named.iter().find(|&&(_, e)| labelled(e, head)));
            // An indefinite description (`One German lawmaker said`) names the one person of
            // the document with that label, wherever named, or nobody.
            let indefinite = words.iter().rev().find_map(|w| match w.to_lowercase().as_str() {
                "the" => Some(false),
                "a" | "an" | "one" => Some(true),
                _ => None,
            });
            if indefinite == Some(true) {
                let mut fits: Vec<usize> = head
                    .map(|head| {
                        named
                            .iter()
                            .map(|&(_, e)| e)
                            .filter(|&e| labelled(e, head))
                            .collect()
                    })
                    .unwrap_or_default();
                fits.sort_unstable();
                fits.dedup();
                return (fits.len() == 1).then(|| fits[0]);
            }
            // `The judges called it`, `the Bank's minutes said`: several people or a text,
            // none of them named
            let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
            let plural = definite
                && head.is_some_and(|h| h.starts_with(char::is_lowercase) && plural(h) && !h.ends_with("us"));
            if described.is_none() && (plural || head.is_some_and(unnamed_role)) {
                // `The witness said`: someone the article does not name
                return unnamed();
            }
            // `The 43-year-old businesswoman said`, `The mother-of-four told`: as `she` would
            if let (None, Some(g)) = (described, head.and_then(noun_gender)) {
                return of_gender(g);
            }
            described
                .or_else(|| named.iter().rev().find(|&&(p, e)| p < at && !named_inside(e, at)))
                .map(|&(_, e)| e)
        };
        let named_entity = |name: &str| -> Option<usize> {
            let name = name.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            if !name.contains(' ') && names_nobody(name) {
                return None;
            }
            here.iter()
                .copied()
                .find(|&i| entities[i].aliases.iter().any(|a| a == name))
                .or_else(|| {
                    // another article's entity: never by a title word alone (`Prime`)
                    let lone_title = !name.contains(' ') && is_title_word(name);
                    by_alias
                        .get(name)
                        .filter(|_| !lone_title)
                        .and_then(|list| list.iter().copied().find(|&i| entities[i].kind != Kind::Place))
                })
                .or_else(|| {
                    // a surname alone: the person of this document whose name ends with it
                    (!name.contains(' ') && name.len() > 2)
                        .then(|| {
                            here.iter().copied().find(|&i| {
                                let e = &entities[i];
                                e.kind == Kind::Person
                                    && e.name.rsplit(' ').next() == Some(name)
                                    && e.name.contains(' ')
                            })
                        })
                        .flatten()
                })
                .or_else(|| {
                    // a description that spells an organisation's name (`the Russian foreign ministry`)
                    name.contains(' ')
                        .then(|| {
                            here.iter().copied().find(|&i| {
                                let e = &entities[i];
                                e.kind == Kind::Organisation
                                    && e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                            })
                        })
                        .flatten()
                })
        };
        // The entity a name names, and whether it is a place or group, or a person.
        let by_name = |name: &str| -> Option<Named> {
            named_entity(name).map(|e| Named {
                entity: e,
                collective: matches!(entities[e].kind, Kind::Place | Kind::Group),
                person: entities[e].kind == Kind::Person,
            })
        };
        let mut pending: Vec<usize> = Vec::new(); // quotes waiting for a speaker (open quotes)
                                                  // The previous paragraph ended inside a quotation.
        let mut continuing = false;
        // The last quotation was left open, with only captions (lines without a full stop)
        // since: a paragraph that reopens one goes on with its speaker.
        let mut left_open = false;
        for p in &d.paragraphs {
            let para = p.span.of(text);
            let base = p.span.start as usize;
            let mut spans = quoted_spans(para, continuing);
            if spans.is_empty() && !continuing {
                spans = unmarked_spans(para, base, &p.sentences);
            }
            continuing = spans.last().is_some_and(|&(_, _, closed)| !closed);
            if spans.is_empty() && ends_as_prose(para) {
                // the writer's own paragraph: a quotation left open above has ended
                left_open = false;
                pending.clear();
            }
            for (start, end, closed) in spans {
                let words = para[start..end].split_whitespace().count();
                if words < 3 {
                    continue;
                }
                let sentence = d
                    .sentence_at((base + start) as u32)
                    .and_then(|a| d.span_of(a))
                    .unwrap_or(p.span);
                let before = &text[(sentence.start as usize).min(base + start)..base + start];
                let mark = text[base + end..].chars().next().map_or(0, char::len_utf8);
                let after_end = (base + end + mark).min(p.span.end as usize);
                let after = &text[after_end..p.span.end as usize];
                // A quotation that ends its sentence (`… any more." Ms Trew, who runs …`) is not
                // attributed by the words after it: they begin another sentence.
                let ends_sentence = para[start..end].trim_end().ends_with('.');
                let attributing = if ends_sentence { "" } else { after };
                nobody.set(false);
                quote_end.set(base + end);
                let found = attribute(attributing, before, base + start, &last_person_before, &by_name);
                // Words that give the quotation to someone we cannot name (`the source added`,
                // `The witness said: '…`) leave it nobody's: it does not continue anyone's.
                let own_words = found.is_none() && nobody.take();
                let mut speaker = found.map(|(s, _)| s);
                let mut tie = found.map_or(Tie::Nothing, |(_, cue)| Tie::Words(cue_span(text, cue)));
                // A paragraph that is nothing but a quotation, or a second quotation of a
                // paragraph, continues the previous speaker.
                let alone = para[..start].trim_start().chars().count() <= 1
                    && !after.chars().any(char::is_alphanumeric);
                let last_here = out.last().filter(|q: &&Quote| q.doc == doc as u32);
                let same_paragraph = last_here.is_some_and(|q| q.span.start as usize >= base);
                let continued =
                    |speaker: Option<usize>| (speaker, speaker.map_or(Tie::Nothing, |_| Tie::Continues));
                if speaker.is_none() && !own_words && alone && left_open {
                    (speaker, tie) = continued(last_here.and_then(|q| q.speaker));
                }
                left_open = !closed;
                // A quotation opening its sentence after the writer's words in its paragraph
                // (`Sam told the radio show that …. 'I'm thinking …`).
                let opens_sentence = before.trim_start().chars().count() <= 1;
                if speaker.is_none() && !own_words && (alone || same_paragraph || opens_sentence) {
                    // The person the text turned to since the last quotation (`Ms Trew, who
                    // runs a dance school, admitted …. "You have to be …`), else the previous
                    // speaker goes on.
                    // Names in the sentence that attributed the last quotation do not count.
                    let since = last_here.map_or(p.span.start as usize, |q| {
                        let end = q.span.end;
                        d.sentence_at(end)
                            .and_then(|a| d.span_of(a))
                            .map_or(end, |s| s.end.max(end)) as usize
                    });
                    let introduced = named
                        .iter()
                        .rev()
                        .take_while(|&&(at, _)| at >= since)
                        .find(|&&(at, _)| at < base + start && subject_like(at));
                    (speaker, tie) = match introduced {
                        Some(&(at, e)) => {
                            let name = entities[e]
                                .mentions
                                .iter()
                                .find(|m| m.doc == doc as u32 && m.span.start as usize == at)
                                .map_or(Span::new(at, at), |m| m.span);
                            (Some(e), Tie::TurnedTo(name))
                        }
                        None => continued(last_here.and_then(|q| q.speaker)),
                    };
                }
                let index = out.len();
                out.push(Quote {
                    doc: doc as u32,
                    speaker,
                    co_speakers: Vec::new(),
                    span: Span::new(base + start, base + end),
                    tie,
                });
                // An open quotation waits for the speaker named where it ends.
                let explicit = speaker.is_some() && !alone;
                for q in pending.drain(..) {
                    if explicit || out[q].speaker.is_none() {
                        out[q].speaker = speaker;
                        out[q].tie = tie;
                    }
                }
                if !closed {
                    pending.push(index);
                }
                if speaker.is_some() {
                    let several = match tie {
                        Tie::Words(cue) => plural_cue(cue.of(text)),
                        _ => previous.get().2,
                    };
                    previous.set((speaker, base + end, several));
                }
            }
        }
    }
    add_co_speakers(articles, speakers, &mut out);
    out
}

/// A word that only qualifies a reporting verb (`The committee also said`).
fn adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(
            w,
            "also" | "then" | "later" | "now" | "today" | "yesterday" | "again" | "still"
        )
}

/// The sex a noun for a person tells (`businesswoman`, `the father`, `mother-of-four`).
fn noun_gender(noun: &str) -> Option<Gender> {
    // `mother-of-four`, `father-of-two`
    let noun = noun.split('-').next().unwrap_or(noun).to_lowercase();
    let female = [
        "woman",
        "wife",
        "mother",
        "mum",
        "daughter",
        "sister",
        "girl",
        "actress",
        "lady",
        "grandmother",
        "gran",
        "girlfriend",
        "fiancee",
        "widow",
        "aunt",
        "niece",
        "queen",
        "princess",
        "duchess",
        "businesswoman",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
    ];
    let male = [
        "man",
        "husband",
        "father",
        "dad",
        "son",
        "brother",
        "boy",
        "actor",
        "gentleman",
        "grandfather",
        "grandad",
        "boyfriend",
        "fiance",
        "widower",
        "uncle",
        "nephew",
        "king",
        "prince",
        "duke",
        "businessman",
        "spokesman",
        "chairman",
        "congressman",
    ];
    if female.contains(&noun.as_str()) {
        Some(Gender::Female)
    } else if male.contains(&noun.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// A role that stands for someone an article seldom names (`the witness said`, `the seller
/// wrote`): unless a person named in it is described so, the quotation is nobody's we can name.
fn unnamed_role(noun: &str) -> bool {
    matches!(
        noun.to_lowercase().as_str(),
        "witness"
            | "eyewitness"
            | "onlooker"
            | "bystander"
            | "passer-by"
            | "seller"
            | "buyer"
            | "neighbour"
            | "neighbor"
            | "resident"
            | "source"
            | "insider"
            | "onlookers"
            | "customer"
            | "shopper"
            | "passenger"
            | "caller"
            | "viewer"
            | "fan"
            | "user"
            | "commenter"
            | "samaritan"
            | "local"
            | "tipster"
            | "whistleblower"
    )
}

/// A noun for a text, not for anyone who speaks (`the report warned`, `the dispatch adds`).
fn writing(noun: &str) -> bool {
    matches!(
        noun,
        "report"
            | "statement"
            | "dispatch"
            | "study"
            | "survey"
            | "document"
            | "documents"
            | "letter"
            | "paper"
            | "ruling"
            | "filing"
            | "lawsuit"
            | "complaint"
            | "analysis"
            | "review"
            | "memo"
            | "notice"
            | "release"
            | "tweet"
            | "message"
            | "caption"
            | "article"
            | "outlet"
            | "petition"
            | "clip"
            | "video"
            | "post"
            | "footage"
    )
}

/// Whether words that tie a quotation to its speakers name more than one (`the US Congressmen
/// said`, `the officials added`, `they said`).
fn plural_cue(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    words.iter().enumerate().any(|(k, w)| {
        matches!(*w, "they" | "They" | "both" | "Both")
            || (w.len() > 4 && w.ends_with("men"))
            || (k > 0
                && words[k - 1].eq_ignore_ascii_case("the")
                && w.starts_with(char::is_lowercase)
                && plural(w))
    })
}

/// Whether a paragraph ends as the writer's prose does (a full stop, `!`, `?` or `:`), unlike a
/// picture caption.
fn ends_as_prose(para: &str) -> bool {
    para.trim_end().ends_with(['.', '!', '?', ':'])
}

/// Quotations whose marks were lost (as in the FA-KES articles of the dev corpus, or wire copy
/// stripped of them): in a paragraph without a double or opening single mark, the words after a
/// colon that follows a reporting verb of its sentence (`told Reuters: We would go into a house
/// …`) or that speak in the first person (`the opposite view: I hope this will …`), to the end
/// of their sentence and on over the sentences after it that speak in the first person. Byte
/// ranges of the paragraph, as [`quoted_spans`] gives them.
fn unmarked_spans(para: &str, base: usize, sentences: &[Span]) -> Vec<(usize, usize, bool)> {
    if para.contains(['"', '\u{201C}', '\u{201D}', '\u{2018}']) {
        return Vec::new();
    }
    let first_person = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "me" | "us"))
    };
    let local = |s: &Span| {
        let a = (s.start as usize).saturating_sub(base).min(para.len());
        (a, (s.end as usize).saturating_sub(base).clamp(a, para.len()))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let (a, b) = local(&sentences[k]);
        let sentence = para.get(a..b).unwrap_or("");
        k += 1;
        let Some(colon) = sentence
            .match_indices(": ")
            .map(|(i, _)| i)
            .find(|&i| sentence[i + 2..].starts_with(char::is_uppercase))
        else {
            continue;
        };
        let verb = sentence[..colon]
            .split_whitespace()
            .rev()
            .take(15)
            .any(|w| reporting_verbs().contains(w.trim_matches(|c: char| !c.is_alphanumeric())));
        if !verb && !first_person(&sentence[colon + 2..]) {
            continue;
        }
        let mut end = b;
        while let Some(next) = sentences.get(k).map(local) {
            if !first_person(para.get(next.0..next.1).unwrap_or("")) {
                break;
            }
            end = next.1;
            k += 1;
        }
        out.push((a + colon + 2, end, true));
    }
    out
}

/// The byte range of `text` from the first to the last word of a cue (both slices of it).
fn cue_span(text: &str, (first, last): Cue) -> Span {
    let offset = |w: &str| {
        (w.as_ptr() as usize)
            .saturating_sub(text.as_ptr() as usize)
            .min(text.len())
    };
    let start = offset(first);
    Span::new(start, (offset(last) + last.len()).clamp(start, text.len()))
}

/// Whether the first quotation mark of a paragraph closes a quotation (`…at its request," the
/// diplomat said`): a paragraph that goes on with a quotation left open above without
/// reopening it. A paragraph with no such mark starts outside it (`…you," he laughed` left a
/// single mark open; the next paragraph is the writer's).
fn closes_first(para: &str) -> bool {
    let chars: Vec<char> = para.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(k + 1).copied();
        match c {
            '\u{201D}' => return true,
            '\u{201C}' | '\u{2018}' => return false,
            '"' => {
                return prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
            }
            '\u{2019}' | '\'' if prev.is_some_and(|p| matches!(p, ',' | '.' | '!' | '?')) => return true,
            _ => {}
        }
    }
    false
}

/// `(start, end, closed)` byte ranges of quoted text inside a paragraph (marks excluded); an
/// unclosed quotation runs to the end of the paragraph. When `continuing` (the previous
/// paragraph ended inside a quotation) and the paragraph closes it before opening a new one,
/// the quotation goes on from its start.
fn quoted_spans(para: &str, continuing: bool) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let reopens = para.starts_with(['"', '\u{201C}', '\u{2018}', '\'']);
    // The open quotation: where its text starts, and whether it opened with a single mark.
    let mut open: Option<(usize, bool)> =
        (continuing && !reopens && closes_first(para)).then_some((0, false));
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}'));
        let opener = after_space && next.is_some_and(char::is_alphanumeric);
        // A double mark that opens while a double quotation is open: the paragraphs the open
        // one ran over were joined into one (`…want that. "I started…`); it ends there.
        if matches!((c, open), ('"' | '\u{201C}', Some((_, false)))) && (opener || c == '\u{201C}') {
            if let Some((s, _)) = open.take() {
                out.push((s, s.max(para[..i].trim_end().len()), false));
            }
        }
        let (opens, closes) = match (c, open) {
            ('"', None) | ('\u{201C}', None) => (true, false),
            ('"', Some((_, false))) | ('\u{201D}', Some((_, false))) => (false, true),
            // British-style single marks; inside a double quotation they are nested quotes, and
            // a ’ followed by a letter is an apostrophe (don’t).
            ('\u{2018}' | '\'', None) if after_space && next.is_some_and(char::is_alphanumeric) => {
                (true, false)
            }
            ('\u{2019}' | '\'', Some((_, true))) if next.is_none_or(|n| !n.is_alphanumeric()) => {
                (false, true)
            }
            _ => (false, false),
        };
        if opens {
            open = Some((i + c.len_utf8(), matches!(c, '\u{2018}' | '\'')));
        } else if closes {
            if let Some((s, _)) = open.take() {
                out.push((s, i, true));
            }
        }
    }
    if let Some((s, _)) = open {
        out.push((s, para.len(), false));
    }
    out
}
