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
    Ok(held(request).await?.to_vec())
}

/// [`bytes`], left in the browser's memory (for [`unpack`]).
pub async fn held(request: Promise) -> Result<Uint8Array, String> {
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

async fn body(response: &Response) -> Result<Uint8Array, JsValue> {
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer))
}

/// The bytes an element's text holds in base64, decoded by the browser when it can
/// (`Uint8Array.fromBase64`), which spares copying megabytes of text into the wasm; `None`
/// when the text is not base64.
pub fn base64_text(element: &web_sys::Element) -> Option<Uint8Array> {
    let text = js_sys::Reflect::get(element, &"textContent".into()).ok()?;
    let native = js_sys::Reflect::get(
        &Uint8Array::new_with_length(0).constructor(),
        &"fromBase64".into(),
    )
    .ok()
    .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match native {
        Some(from_base64) => from_base64
            .call1(&JsValue::NULL, &text)
            .ok()
            .map(JsCast::unchecked_into),
        None => parallax_core::offline::from_base64(&text.as_string()?).map(|b| Uint8Array::from(&b[..])),
    }
}

/// Unpacks gzipped bytes the browser holds (bytes that are not gzipped, as when a server
/// already unpacked them, are read as they are) into the wasm.
pub async fn unpack(packed: Uint8Array) -> Result<Vec<u8>, String> {
    let head: Vec<u8> = (0..packed.length().min(2)).map(|i| packed.get_index(i)).collect();
    if !is_gzip(&head) {
        return Ok(packed.to_vec());
    }
    through(&packed, &gzip_stream("DecompressionStream")?)
        .await
        .map_err(|_| "its compressed bytes are damaged".to_string())
}

/// Whether `bytes` are gzipped (start with gzip's magic number).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// `bytes` gzipped.
pub async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through(&Uint8Array::from(bytes), &gzip_stream("CompressionStream")?).await
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
async fn through(bytes: &Uint8Array, transform: &ReadableWritablePair) -> Result<Vec<u8>, String> {
    let run = async {
        let parts = js_sys::Array::of1(bytes);
        let input: ReadableStream = web_sys::Blob::new_with_u8_array_sequence(&parts)?.stream();
        let response = Response::new_with_opt_readable_stream(Some(&input.pipe_through(transform)))?;
        Ok::<_, JsValue>(body(&response).await?.to_vec())
    };
    run.await.map_err(|e| format!("{e:?}"))
}
