//! Bytes from this site's own files (relative URLs, so any sub-path works), and gzip through
//! the browser's own compression streams.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, Response, WritableStream};

/// Starts fetching `href`; [`bytes`] waits for its body.
pub fn request(href: &str) -> Promise {
    leptos::prelude::window().fetch_with_str(href)
}

/// The body of a response [`request`] asked for, or why there is none (in words for the page).
pub async fn bytes(request: Promise) -> Result<Vec<u8>, String> {
    let unreachable = |_| "the browser could not fetch it".to_string();
    let response: Response = JsFuture::from(request)
        .await
        .map_err(unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    body(&response).await.map_err(unreachable)
}

async fn body(response: &Response) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Whether `bytes` are gzipped (start with gzip's magic number).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// `bytes` gzipped.
pub async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through(bytes, &gzip_stream("CompressionStream")?).await
}

/// The bytes `gzipped` holds.
pub async fn gunzip(gzipped: &[u8]) -> Result<Vec<u8>, String> {
    through(gzipped, &gzip_stream("DecompressionStream")?)
        .await
        .map_err(|_| "its compressed bytes are damaged".to_string())
}

/// A new `CompressionStream` or `DecompressionStream` (`class`) for gzip. Looked up by name:
/// web-sys binds them only behind its unstable APIs.
fn gzip_stream(class: &str) -> Result<ReadableWritablePair, String> {
    let unsupported = |_| format!("this browser lacks {class}");
    let constructor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &class.into())
        .map_err(unsupported)?
        .dyn_into()
        .map_err(|_| format!("this browser lacks {class}"))?;
    let stream =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&"gzip".into())).map_err(unsupported)?;
    let side = |name: &str| js_sys::Reflect::get(&stream, &name.into()).map_err(unsupported);
    let readable: ReadableStream = side("readable")?.unchecked_into();
    let writable: WritableStream = side("writable")?.unchecked_into();
    Ok(ReadableWritablePair::new(&readable, &writable))
}

/// `bytes` piped through a transform stream.
async fn through(bytes: &[u8], transform: &ReadableWritablePair) -> Result<Vec<u8>, String> {
    let run = async {
        let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
        let input: ReadableStream = web_sys::Blob::new_with_u8_array_sequence(&parts)?.stream();
        let response = Response::new_with_opt_readable_stream(Some(&input.pipe_through(transform)))?;
        body(&response).await
    };
    run.await.map_err(|e| format!("{e:?}"))
}
