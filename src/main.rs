//! Reads the corpus, then mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    parallax_app::keep_page();
    wasm_bindgen_futures::spawn_local(async {
        parallax_app::load_corpus().await;
        leptos::mount::mount_to_body(parallax_app::App);
    });
}
