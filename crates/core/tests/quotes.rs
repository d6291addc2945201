//! Quotations and their speakers: behaviours, and the score against the seeds' gold quotes
//! (`tests/fixtures/seeds-gold.toml`, [[quote]]).

mod common;

use parallax_core::Corpus;
use serde::Deserialize;

/// `(quote text, speaker name or "unattributed")` of a corpus.
fn quotes(corpus: &Corpus) -> Vec<(String, String)> {
    let entities = &corpus.entities;
    corpus
        .quotes
        .iter()
        .map(|q| {
            let text = q
                .span
                .of(&corpus.articles[q.doc as usize].document.text)
                .to_string();
            (
                text,
                q.speaker
                    .map_or("unattributed".to_string(), |i| entities[i].name.clone()),
            )
        })
        .collect()
}

#[test]
fn speakers_from_names_pronouns_descriptions_and_continued_paragraphs() {
    // Paragraph by paragraph: a name after the quotation, a quotation continued into the next
    // paragraph and attributed by a description, a scare quote, a pronoun before the quotation,
    // a paragraph that is only a quotation, and a quotation nobody is said to have said.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "A headline here\n\n\
         Foreign Minister Sergey Lavrov spoke on Monday. \u{201C}We are ready to talk to everyone,\u{201D} Lavrov said.\n\n\
         \"It is important that the people decide.\n\n\
         Nobody else should decide for them,\" the minister added.\n\n\
         It was a \"so-called\" plan. He said the plan was \"dead on arrival here.\"\n\n\
         \"A quotation standing alone goes on.\"\n\n\
         Posters in town read \"nobody is named here at all\" yesterday.\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        ("We are ready to talk to everyone,", "Sergey Lavrov"),
        ("It is important that the people decide.", "Sergey Lavrov"),
        ("Nobody else should decide for them,", "Sergey Lavrov"),
        ("dead on arrival here.", "Sergey Lavrov"),
        ("A quotation standing alone goes on.", "Sergey Lavrov"),
        ("nobody is named here at all", "unattributed"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want, "scare quotes of one or two words are not speech");
}

#[derive(Deserialize)]
struct Gold {
    quote: Vec<GoldQuote>,
    entity: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    document: String,
    speaker: String,
    starts: String,
    #[serde(default)]
    co_speakers: Vec<String>,
}

fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .to_lowercase()
}

/// `(found, gold quotations, speaker accuracy)` of a corpus' quotations against a gold file.
fn score(gold: &str, corpus: &Corpus) -> (usize, usize, f64) {
    let gold: Gold = toml::from_str(gold).unwrap();
    let (mut found, mut right) = (0, 0);
    for g in &gold.quote {
        let hits: Vec<_> = corpus
            .quotes
            .iter()
            .filter(|q| {
                let doc = &corpus.articles[q.doc as usize].document;
                doc.file.starts_with(&g.document) && norm(q.span.of(&doc.text)).contains(&norm(&g.starts))
            })
            .collect();
        if hits.is_empty() {
            continue;
        }
        found += 1;
        // As score.py: a speaker is right when its name is a form of the gold speaker.
        let forms: Vec<String> = gold
            .entity
            .iter()
            .filter(|e| e.name == g.speaker)
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(|f| norm(f))
            .collect();
        let ok = hits.iter().any(|q| match q.speaker {
            Some(i) => forms.contains(&norm(&corpus.entities[i].name)),
            None => g.speaker == "unattributed",
        });
        right += usize::from(ok);
    }
    (found, gold.quote.len(), right as f64 / gold.quote.len() as f64)
}

#[test]
fn joint_statements_have_all_their_speakers() {
    let gold: Gold = toml::from_str(include_str!("fixtures/seeds-gold.toml")).unwrap();
    let corpus = common::seeds();
    let joint: Vec<&GoldQuote> = gold.quote.iter().filter(|g| !g.co_speakers.is_empty()).collect();
    assert!(!joint.is_empty());
    for g in joint {
        let q = corpus
            .quotes
            .iter()
            .find(|q| {
                let doc = &corpus.articles[q.doc as usize].document;
                doc.file.starts_with(&g.document) && norm(q.span.of(&doc.text)).contains(&norm(&g.starts))
            })
            .expect("the joint statement is found");
        let co: Vec<&str> = q
            .co_speakers
            .iter()
            .map(|&i| corpus.entities[i].name.as_str())
            .collect();
        assert_eq!(co, g.co_speakers, "{}", g.starts);
    }
    // Plural attribution names everyone; "their meeting" is not a joint statement.
    let corpus = common::corpus_of(&[(
        "j.txt",
        "Talks in Minsk\n\n\
         Senator Anna Berg and Senator Peter Holm visited Minsk on Monday.\n\n\
         \"We will return with more questions,\" Berg and Holm said in Minsk.\n\n\
         \"Nothing was agreed today,\" Berg told Holm during their meeting.\n",
    )]);
    let co: Vec<Vec<String>> = corpus
        .quotes
        .iter()
        .map(|q| {
            q.co_speakers
                .iter()
                .map(|&i| corpus.entities[i].name.clone())
                .collect()
        })
        .collect();
    assert_eq!(
        co,
        [vec!["Peter Holm".to_string()], vec![]],
        "{:?}",
        quotes(&corpus)
    );
    let corpus = common::seeds();
    // A quotation of one speaker has no co-speakers.
    let single = corpus
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some() && q.co_speakers.is_empty())
        .count();
    assert!(single >= 15, "{single}");
}

/// Scores `corpus`' quotations against `gold` (named `name` in the output) and asserts the
/// issue's floors: `found_percent` of the gold quotations found, speakers right at `speakers`.
fn assert_quotes(name: &str, gold: &str, corpus: &Corpus, found_percent: usize, speakers: f64) {
    let (found, total, accuracy) = score(gold, corpus);
    println!("{name} quotes: found {found}/{total}, speaker accuracy {accuracy:.3}");
    assert!(
        found * 100 >= total * found_percent,
        "{name}: {found}/{total} found, below {found_percent}%"
    );
    assert!(
        accuracy >= speakers,
        "{name}: speaker accuracy {accuracy:.3} below {speakers}"
    );
}

#[test]
fn seeds_quotes_are_found_and_attributed() {
    let gold = include_str!("fixtures/seeds-gold.toml");
    assert_quotes("seeds", gold, &common::seeds(), 100, 0.9);
}

/// The dev articles are messier (captions, stripped punctuation and quotation marks); dev2 is ten
/// general-news articles (BBC News 2004-05, MailOnline 2020) in house styles the rules were not
/// written against. The targets (95% found, 0.90 speakers) are reached on both: the
/// floors guard them.
#[test]
fn dev_and_dev2_quotes_are_found_and_attributed() {
    for name in ["dev", "dev2"] {
        if let Some((corpus, gold)) = common::shared_with_gold(name) {
            assert_quotes(name, &gold, &corpus, 95, 0.9);
        }
    }
}

#[test]
fn single_quote_marks_are_quotations_and_apostrophes_are_not() {
    let corpus = common::corpus_of(&[(
        "b.txt",
        "A headline here\n\n\
         Lawyer Lyudmila Kozak said she was 'threatened with physical violence after her abduction' on Monday.\n\n\
         \u{2018}We don\u{2019}t want our theatres closed,\u{2019} said Darya Petrova, a dancer.\n\n\
         The people\u{2019}s choice and Belarus' future were not quoted at all.\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        (
            "threatened with physical violence after her abduction",
            "Lyudmila Kozak",
        ),
        ("We don\u{2019}t want our theatres closed,", "Darya Petrova"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn speakers_behind_appositions_participles_coordination_and_descriptions() {
    // Paragraph by paragraph: a person named after an organisation and a role (`said X Council
    // spokesman Y`); a phrase set off by commas before the verb, whose organisation is not the
    // speaker; a participle after a comma, whose subject opens the sentence (not the place
    // named before it); a coordinated verb after an introductory phrase; a quotation paragraph
    // closed by a full stop after the mark, continuing its speaker; a description spelling an
    // organisation in lower case; an indefinite description naming the one person with that
    // label, named later.
    let corpus = common::corpus_of(&[(
        "c.txt",
        "A headline here\n\n\
         \u{2018}The people have a right to express their views,\u{2019} said US National Security Council spokesman John Ullman.\n\n\
         Paul Weber, a member of the Christian Democratic Union, called for a 'firm response' and said the plan was 'a betrayal of every voter'.\n\n\
         Mark Olsen, 44, described the night in Oslo, saying that 'we all ran for our lives'.\n\n\
         In comments about Olsen, Anna Berg praised him as a 'true hero,' and said that 'such actions cannot break us'.\n\n\
         'It goes on here today'.\n\n\
         'We call on everyone to stay calm now,' the Russian foreign ministry said.\n\n\
         One German lawmaker said 'toughness is the only language they understand' on Monday.\n\n\
         German lawmaker Tom Fischer spoke later.\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        ("The people have a right to express their views,", "John Ullman"),
        ("a betrayal of every voter", "Paul Weber"),
        ("we all ran for our lives", "Mark Olsen"),
        ("such actions cannot break us", "Anna Berg"),
        ("It goes on here today", "Anna Berg"),
        (
            "We call on everyone to stay calm now,",
            "Russian foreign ministry",
        ),
        ("toughness is the only language they understand", "Tom Fischer"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn speakers_in_the_house_styles_of_general_news() {
    // Written for this test in the styles of the BBC and MailOnline articles of
    // `../shared/corpora/` (made-up people): paragraphs of one quotation joined into one line
    // with their closing marks lost; a name set off from its verb by a description between
    // commas or between dashes; a quotation that ends its sentence, followed by a sentence
    // about someone else; a person the text turns to between two quotations; a first name
    // standing for the full name given before; an age and a role that make an unknown name a
    // person's.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Gardens in decline\n\n\
         Marta Quillon, 41, a gardener from Leeds, gave up her allotment last year. \
         \"It was lovely at first, but it took all my weekends,\" she said. \
         \"After a while I stopped enjoying the work. \
         \"Now I grow herbs on the windowsill instead.\" \
         Mr Pellow, who runs a garden centre in Hull, said fewer young people were buying seeds. \
         \"They want results straight away and gardening does not work like that.\"\n\n\
         \"Interest picked up a little in the spring,\" Owen Pellow, manager of the Hull garden centre, told reporters.\n\n\
         \"Prices for seed potatoes have doubled since then,\" trade adviser Lena Brisk - then working for the growers' union - told a committee.\n\n\
         Marta said: \u{201C}I would go back to it if the rents came down.\u{201D}\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        (
            "It was lovely at first, but it took all my weekends,",
            "Marta Quillon",
        ),
        ("After a while I stopped enjoying the work.", "Marta Quillon"),
        ("Now I grow herbs on the windowsill instead.", "Marta Quillon"),
        (
            "They want results straight away and gardening does not work like that.",
            "Owen Pellow",
        ),
        ("Interest picked up a little in the spring,", "Owen Pellow"),
        ("Prices for seed potatoes have doubled since then,", "Lena Brisk"),
        ("I would go back to it if the rents came down.", "Marta Quillon"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
    assert_eq!(common::kind_of(&corpus, "Marta Quillon"), Some("person"));
    assert_eq!(common::kind_of(&corpus, "Owen Pellow"), Some("person"));
}

#[test]
fn a_role_opening_a_sentence_and_a_pronoun_after_a_name_tell_who_speaks() {
    // Made-up names no word list knows: a role written with a capital at the start of a
    // sentence describes the name after it; the pronoun that follows a name in its sentence
    // tells whether a later `he` can be that person; a first name alone and a verb of speech
    // such as `chuckled` attribute a quotation too.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Shop fees row\n\n\
         Ysolde Varkin could not hide her anger when she saw the bill.\n\n\
         Owner Teodric Bamwell said the charge was temporary.\n\n\
         He added: \u{201C}We have kept every price as low as we can for our customers.\u{201D}\n\n\
         \"Nobody has complained to me about it yet,\" Teodric chuckled.\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        (
            "We have kept every price as low as we can for our customers.",
            "Teodric Bamwell",
        ),
        ("Nobody has complained to me about it yet,", "Teodric Bamwell"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want, "a first name and a verb of speech other than `said`");
    let person = |name: &str| {
        corpus
            .entities
            .iter()
            .any(|e| e.name == name && e.kind == parallax_core::entities::Kind::Person)
    };
    assert!(
        person("Teodric Bamwell") && person("Ysolde Varkin"),
        "{:?}",
        corpus.entities
    );
}

#[test]
fn sources_after_quotations_captions_and_quotations_left_open() {
    // Written for this test from the BBC business pages and MailOnline of `../shared/corpora/`
    // (made-up people): a source after the quotation with `according to`, or a firm and a
    // surname with no verb; a picture caption (a line without a full stop) naming someone who
    // is not the next speaker; a quotation left open by the writer, after which the story
    // goes on outside it; a quotation opening a sentence after one about its speaker.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Shares rally on hopes\n\n\
         Ruth Haynes, an economist at Barclays, expects a cut. \
         \"The economy has regained some traction, but growth is slow,\" Barclays' Haynes. \
         Jon Olsen, head of sales at Vexa, was upbeat. \
         \"That gets a round of applause every time,\" according to Mr Olsen.\n\n\
         Dale Brinkman told the radio show he was planning a tour. 'I am thinking of writing to them saying \"come along,\" he laughed\n\n\
         The tour was first announced in June by the promoter.\n\n\
         Happier days: the singer Rory Tamsett (pictured) shared a stage with him in 2015\n\n\
         The Australian star said: 'It was a strange night and we were just sitting there.'\n",
    )]);
    let got = quotes(&corpus);
    let want = [
        (
            "The economy has regained some traction, but growth is slow,",
            "Ruth Haynes",
        ),
        ("That gets a round of applause every time,", "Jon Olsen"),
        (
            "I am thinking of writing to them saying \"come along,\" he laughed",
            "Dale Brinkman",
        ),
        (
            "It was a strange night and we were just sitting there.",
            "Dale Brinkman",
        ),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn quotations_that_lost_their_marks_and_names_after_prepositions() {
    // Written for this test in the style of the wire articles of `../shared/corpora/dev` whose
    // marks and commas were stripped (made-up people): the words after a colon that follows a
    // reporting verb, and the first-person sentences after them, are a quotation; a name after a
    // preposition before the verb (`a critic of Harlow's plan`) is not its speaker, the name
    // opening the sentence is.
    let corpus = common::corpus_of(&[(
        "w.txt",
        "Flood talks stall\n\n\
         Senator Ruth Okafor a critic of Harlow's flood plan said on Twitter that the money had run out: \
         No one in the valley was asked first she said. We will not accept it. \
         Officials in Dunmore met again on Monday. Talks resume next week.\n",
    )]);
    let got = quotes(&corpus);
    let want = [(
        "No one in the valley was asked first she said. We will not accept it.",
        "Ruth Okafor",
    )];
    let want: Vec<(String, String)> = want.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn sentence_words_and_things_never_speak() {
    // In the style of MailOnline's consumer and showbusiness pieces (made-up people): speakers
    // described, not named (`A spokesperson for …`, `a TV insider`, `They`), a participle
    // opening the sentence (`Speaking at the time, …`), and a chemical's letter with its
    // acronym (`bisphenol A (BPA)`). At 20,000 articles, "A" was given 2,691 quotations,
    // "They" 678, "Speaking" 349 and "TV" 260.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Plastic bottles recalled\n\n\
             Tests found bisphenol A (BPA) in the bottles. BPA is used in plastics, and local TV showed the results.\n\n\
             'This time it is different from the last recall,' a TV insider said.\n\n\
             'We are looking into every complaint we receive,' A spokesperson for Brightwater said.\n\n\
             'We apologise for the message sent to customers,' They wrote.\n\n\
             Kim Marsh, a mother of two, returned her bottles on Monday. \
             Speaking at the time, she said: 'I do not feel safe giving them to my children.'\n",
        ),
        // A race card names a horse `Captain Speaking`.
        ("b.txt", "Racing at Hexham\n\n2.20 Captain Speaking\n\n2.50 Chasamax\n"),
    ]);
    let got = quotes(&corpus);
    assert_eq!(got.len(), 4, "{got:?}");
    for (text, speaker) in &got {
        assert!(
            !["A", "TV", "They", "Speaking", "BPA"].contains(&speaker.as_str()),
            "{text:?} given to {speaker}"
        );
    }
    assert_eq!(got[3].1, "Kim Marsh");
    assert!(
        corpus.entities.iter().all(|e| e.name != "A"),
        "a letter defines no acronym"
    );
}

#[test]
fn a_surname_alone_is_the_person_its_article_names_else_the_one_most_named() {
    // Made-up articles in the style of the BBC and MailOnline: two men called Johnson. The
    // corpus names the stabbed producer first, yet `Mr Johnson` in a political story is the
    // politician: the one its article names, or else the one the corpus names most.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Producer stabbed\n\n\
             Music producer Jimmy James Johnson was stabbed in Los Angeles on Friday. \
             Mr Johnson was taken to hospital.\n",
        ),
        (
            "b.txt",
            "Vote on the bill\n\n\
             Prime Minister Boris Johnson spoke in Parliament. Boris Johnson later met his MPs.\n\n\
             'We will get this bill through,' Mr Johnson said.\n",
        ),
        (
            "c.txt",
            "Care homes\n\n\
             Visits will be limited from Monday. \
             'We do not want people visiting care homes unnecessarily,' Mr Johnson said.\n",
        ),
    ]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["Boris Johnson", "Boris Johnson"],
        "{got:?}"
    );
    let jimmy = corpus
        .entities
        .iter()
        .find(|e| e.name == "Jimmy James Johnson")
        .expect("the producer");
    assert_eq!(jimmy.mentions.len(), 2, "his article's `Mr Johnson` is his");
}

#[test]
fn a_pronoun_is_not_one_of_a_list_and_a_name_after_a_description_speaks() {
    // In the style of MailOnline's football and film reports (made-up people). `he said` after
    // `Ivo Kranjc, Moritz Baumer and Tom Trybek have…` is the manager named since, not one of a
    // list of players; `the film's narrator, Woody Hale, told People` is Woody Hale's, not the
    // last person named before him.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Norwich ready for the new season\n\n\
             Ivo Kranjc, Moritz Baumer and Tom Trybek have not even received shirt numbers.\n\n\
             Three campaigners did well - and Daniel Fahrner name-checked them after the win.\n\n\
             'I am so pleased for all the lads,' he said.\n",
        ),
        (
            "b.txt",
            "Premiere of a documentary\n\n\
             Created by filmmakers Josh and Rebecca Tickell, the film aims to show how to restore \
             the soil.\n\n\
             'There is so much bad news about our planet,' the film's narrator, Woody Hale, told \
             People last month.\n",
        ),
    ]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["Daniel Fahrner", "Woody Hale"],
        "{got:?}"
    );
}

#[test]
fn a_body_a_text_or_they_is_never_the_last_person_named() {
    // In the style of the BBC's and MailOnline's political and health reports (made-up people
    // and bodies): `The committee said` is the committee the article names, and so is `They
    // said` after it; `the report warned`, and `They said` after a person, name nobody we can
    // tell (both had gone to the last person named). A long description between commas leaves
    // its name the speaker.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "MPs criticise the Home Office\n\n\
             The Public Spending Committee examined the department's figures. Its chair, Mary Holt, \
             called the findings worrying.\n\n\
             The committee also said: 'The department's failures could inflame hostility.'\n\n\
             However, the report warned: 'The department does not understand its own data.'\n\n\
             They said the rules were 'not fit for purpose'.\n",
        ),
        (
            "b.txt",
            "Lungs recover after Covid\n\n\
             Dr Anna Brenner, a clinical researcher at the University Clinic in Graz and part of \
             the team that carried out the study, said: 'The good news is that the damage heals.'\n\n\
             They said the results gave patients 'a reason for hope'.\n",
        ),
    ]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        [
            "Public Spending Committee",
            "unattributed",
            "Public Spending Committee",
            "Anna Brenner",
            "unattributed"
        ],
        "{got:?}"
    );
}

#[test]
fn a_witness_or_a_source_is_nobody_named_and_a_noun_tells_the_sex() {
    // In the style of MailOnline's crime and court reports (made-up people). `The witness
    // said` and `the source added` stand for people the article does not name: not the last
    // person named, nor the previous speaker going on. `The 43-year-old businesswoman said` is
    // the last woman named, not the boy named after her.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Police called to mansion\n\n\
             Officers spoke to Brad Kessler at the house. His wife Candice Kessler had called them.\n\n\
             The witness, who was driving by the house, said: 'I was on the phone when I saw her running.'\n\n\
             'He has tons of bills since his lifestyle picked up,' the source added.\n",
        ),
        (
            "b.txt",
            "Sister speaks\n\n\
             At the funeral her sister Sarah Nankya said that her one-year-old son Adriel would \
             have a better life in Uganda.\n\n\
             The 43-year-old businesswoman said: 'The boy should be brought back to live with his family.'\n",
        ),
    ]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["unattributed", "unattributed", "Sarah Nankya"],
        "{got:?}"
    );
}

#[test]
fn a_bands_singer_is_the_singer_and_the_judges_are_nobody_named() {
    // In the style of MailOnline's and the BBC's arts pages (made-up people and bodies): `the
    // Iron Fury singer said` is the singer the article names, not the band; `The judges called
    // it` is none of the people named before.
    let corpus = common::corpus_of(&[
        (
            "a.txt",
            "Rocker remembers\n\nJimmy Barlow opened up about his brother. The rock group Iron \
             Fury toured in 1984.\n\n\
             'I remember I was downstairs for an hour sitting with him,' the Iron Fury singer said.\n",
        ),
        (
            "b.txt",
            "Book prize\n\nIn the biography category it was John Gray's life of Mary Stuart that won. \
             The judges called it \"an impressive and readable piece of scholarship\".\n",
        ),
    ]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["Jimmy Barlow", "unattributed"],
        "{got:?}"
    );
}

#[test]
fn a_name_ending_a_sentence_is_not_the_next_sentences_he() {
    // In the style of the BBC's politics pages (made-up people): the interviewer named at the
    // end of one sentence is not `He` of the next; the man the paragraph is about is.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Former official speaks\n\n\
         Lord Hartley's report said the dossier was thin, Lord Hartley said in his interview, \
         which was conducted by the magazine's editor, Conservative MP Tom Ashby. He said: \"When \
         civil servants give material to ministers, they say these are the conclusions.\"\n",
    )]);
    let got = quotes(&corpus);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Hartley", "{got:?}");
}

#[test]
fn the_mother_of_four_set_off_by_dashes_is_the_woman_the_story_is_about() {
    // MailOnline's showbusiness style (made-up people): a description of sex (`The
    // mother-of-four`) stands for a woman as `she` would, and a clause between dashes before
    // the verb (`– who split with Jude Lane in 2003 –`) is not where the speaker is named.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Night out\n\nSadie Fenwick enjoyed a night out in London on Friday. Guests Hana Cole and \
         Kimberley Stroud were also spotted at the hotel.\n\n\
         The mother-of-four – who split with Jude Lane in 2003 – told The Mail on Sunday: 'I like \
         being on my own and I like my own space.'\n",
    )]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["Sadie Fenwick"],
        "{got:?}"
    );
}

#[test]
fn a_body_named_before_a_noun_is_not_who_speaks() {
    // In the style of MailOnline's showbusiness pages and the BBC's news (made-up people):
    // `another Twitter user wrote` is a user nobody names, `a Kremlin source said` a source,
    // `the Harbour Lights songstress wrote` the singer named before; `the Kremlin press
    // service said` speaks for the Kremlin. At 20,000 articles Twitter and Instagram had 267
    // and 158 quotations.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Viral post\n\nThe singer Mara Quell posted a photo of Moscow on Friday.\n\n\
         'What a lovely picture,' another Twitter user wrote.\n\n\
         'She should stay longer,' a Kremlin source said.\n\n\
         'I love this city,' the Harbour Lights songstress wrote.\n\n\
         'We have no comment,' the Kremlin press service said.\n",
    )]);
    let got = quotes(&corpus);
    assert_eq!(
        got.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(),
        ["unattributed", "unattributed", "Mara Quell", "Kremlin"],
        "{got:?}"
    );
}

#[test]
fn a_pronoun_does_not_stand_for_someone_the_quotation_talks_about() {
    // In the style of MailOnline's showbusiness pages (made-up people): the daughter named last
    // before `She said` is whom the mother talks about, not who speaks; nor is the cleric's
    // victim the cleric. A name the speaker gives as their own (`I'm Nora Vale`), one after
    // `the` (`the Quell name`) and one spoken to (`'Nora, sit down'`) say nothing of that.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "School run\n\nThe singer Nora Vale, 31, took her daughter Lily Vale to school on Monday. \
         Her youngest, Ada, cried after saying goodbye to her sister Lily.\n\n\
         She said: 'That's the school run done. Ada cried her eyes out, and Lily was fine.'\n\n\
         Cleric Omar Hassan Adan, chairman of the council, spoke in Mogadishu on Tuesday.\n\n\
         'We demand justice, Samira and her family need justice,' he said.\n\n\
         Actor Tom Reed joined the call. 'Hello, I'm Tom Reed and I played a wizard,' he said.\n\n\
         'The other ones had the Reed name on it,' he said. 'My wife tells me: 'Tom, sit down.'\n",
    )]);
    let got = quotes(&corpus);
    let speakers: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(speakers[0], "Nora Vale", "{got:?}");
    assert_eq!(speakers[1], "Omar Hassan Adan", "{got:?}");
    assert!(speakers[2..].iter().all(|s| *s == "Tom Reed"), "{got:?}");
}

#[test]
fn a_show_named_after_of_the_is_not_who_speaks() {
    // MailOnline's way of naming a person by the show that made them (made-up people): `the
    // former star of The Apprentice wrote` is the star, not the show.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Presenter hits back\n\nTV presenter Mina Sharma criticised the channel on Friday.\n\n\
         'Thank you all for the kind messages,' the former star of The Apprentice wrote.\n",
    )]);
    let got = quotes(&corpus);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Mina Sharma", "{got:?}");
}

#[test]
fn a_hotel_or_restaurant_that_speaks_is_a_business_not_the_last_person_named() {
    // MailOnline's travel and court pages (made-up people): `The hotel said` was given to the
    // guest named before it; a business is an organisation, and one this article does not name
    // is nobody we can name.
    let corpus = common::corpus_of(&[(
        "a.txt",
        "Review row\n\nAmerican teacher Wes Barlow wrote a bad review of a beach resort and was \
         arrested on Monday.\n\n'It was scary,' Barlow said.\n\n\
         The hotel said: 'We chose to file a complaint to serve as a deterrent.'\n\n\
         Diners at the Bluebird Cafe were unmoved. 'The food is great,' the Bluebird Cafe said.\n",
    )]);
    let got = quotes(&corpus);
    let speakers: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        speakers,
        ["Wes Barlow", "unattributed", "Bluebird Cafe"],
        "{got:?}"
    );
    assert_eq!(common::kind_of(&corpus, "Bluebird Cafe"), Some("organisation"));
}
