//! Mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    parallax_app::keep_page();
    leptos::mount::mount_to_body(parallax_app::App);
}
