//! Component tests: the app mounted in a real browser (wasm-bindgen-test-runner with
//! chromedriver), reading the corpus bundle embedded at build time, which the app reads (as
//! `main` does) before it mounts.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn query_all(selector: &str) -> Vec<web_sys::Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(wasm_bindgen::JsCast::unchecked_into)
        .collect()
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn library_then_reader_follow_the_fragment() {
    window().location().set_hash("#/").unwrap();
    parallax_app::load_corpus().await;
    leptos::mount::mount_to_body(parallax_app::App);
    next_frame().await;
    assert_eq!(
        query_all(".articles .card").len(),
        5,
        "every bundled article is listed"
    );
    window()
        .location()
        .set_hash("#/?outlet=sputnik&sort=oldest")
        .unwrap();
    next_frame().await;
    let dates: Vec<String> = query_all(".articles time")
        .iter()
        .filter_map(|t| t.get_attribute("datetime"))
        .collect();
    assert_eq!(dates, ["2020-08-18", "2020-09-19", "2021-02-15"]);
    window()
        .location()
        .set_hash("#/read/003_2336821bb82bb4df/p2")
        .unwrap();
    next_frame().await;
    let h1 = query_all("main h1");
    assert!(h1[0].text_content().unwrap().starts_with("UPDATE - Lavrov"));
    assert_eq!(query_all("p.target")[0].id(), "p2");
    window().location().set_hash("#/nowhere").unwrap();
    next_frame().await;
    assert_eq!(query_all("main h1")[0].text_content().unwrap(), "Not found");
}
