//! How the comparison works, in plain words.

use leptos::prelude::*;
use parallax_core::compare::{MIN_COUNT, PRIOR_SIZE};

/// The method in plain words, for students.
#[component]
pub(super) fn Method() -> impl IntoView {
    view! {
        <details class="help method">
            <summary>"How Parallax compares"</summary>
            <p>
                <strong>"Distinctive words. "</strong>
                "Parallax counts every word and every pair of neighbouring words on each side (leaving out words such as "
                <em>"the"</em>" and "<em>"of"</em>"). A word is distinctive when one side uses it more often, for its length, than the other. "
                "Plain ratios exaggerate rare words, so each count is first softened by how often the whole corpus uses the word "
                {format!("(as if each side had read an extra {PRIOR_SIZE} words of the corpus). ")}
                "The z-score says how sure that difference is: beyond 2 (or below \u{2212}2), it is unlikely to be chance. "
                "This is the \u{201C}log-odds ratio with an informative Dirichlet prior\u{201D} of Monroe, Colaresi and Quinn (2008), \u{201C}Fightin\u{2019} Words\u{201D}. "
                {format!("Words seen fewer than {MIN_COUNT} times on both sides together are marked: too few to mean much.")}
            </p>
            <p>
                <strong>"Labels"</strong>" are the titles and descriptions put before a name (" <em>"Belarusian President"</em> "). "
                <strong>"Voices"</strong>" are direct quotations and who they are attributed to. "
                <strong>"Frames"</strong>" tag each sentence with the dimensions of the Media Frames Corpus (Card et al. 2015) whose cue words it holds: "
                "a rough guide to what a side talks about, from an editable word list, not a judgement. "
                <strong>"Contrast wordings"</strong>" count two ways of naming one thing, such as protests and riots."
            </p>
        </details>
    }
}
