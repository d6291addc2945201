//! Bytes from this site's own files (relative URLs, so any sub-path works), and gzip through
//! the browser's own compression streams (unpacking in a worker, beside the page's own work).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, Response, WritableStream};

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
/// already unpacked them, are returned as they are), leaving the result in the browser's
/// memory. The unpacking runs in a worker when the browser lets the page start one, so the
/// page can decode one fragment while the next is unpacked; else in the page.
pub async fn unpack(packed: Uint8Array) -> Result<Uint8Array, String> {
    let head: Vec<u8> = (0..packed.length().min(2)).map(|i| packed.get_index(i)).collect();
    if !is_gzip(&head) {
        return Ok(packed);
    }
    let unpacker = UNPACKERS.with(|u| {
        let next = TURN.replace(TURN.get().wrapping_add(1));
        u.get(next % u.len().max(1)).map(|u| u.unpack(&packed))
    });
    if let Some(unpacked) = unpacker {
        match JsFuture::from(unpacked).await {
            Ok(buffer) => return Ok(Uint8Array::new(&buffer)),
            Err(why) if why.as_string().as_deref() != Some(NO_WORKER) => return Err(DAMAGED.to_string()),
            // The worker did not start: unpack in the page.
            Err(_) => {}
        }
    }
    through(&packed, &gzip_stream("DecompressionStream")?)
        .await
        .map(|b| Uint8Array::from(&b[..]))
        .map_err(|_| DAMAGED.to_string())
}

/// The worker's whole program: it answers `[id, gzipped bytes]` with `[id, bytes]`, or with
/// `[id, null]` when the bytes are not gzip.
const UNPACKING: &str = "onmessage = async ({ data: [id, packed] }) => {
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    const bytes = await new Response(stream).arrayBuffer();
    postMessage([id, bytes], [bytes]);
  } catch {
    postMessage([id, null]);
  }
};";

/// Why gzipped bytes could not be unpacked.
const DAMAGED: &str = "its compressed bytes are damaged";

/// What a request to a worker that failed to start is rejected with.
const NO_WORKER: &str = "no worker";

/// How many workers unpack: two keep up with the page's decoding on two cores.
const UNPACKING_WORKERS: usize = 2;

thread_local! {
    static UNPACKERS: Vec<Unpacker> = (0..UNPACKING_WORKERS).map_while(|_| Unpacker::start()).collect();
    /// Which worker the next request goes to.
    static TURN: Cell<usize> = const { Cell::new(0) };
}

/// A worker that unpacks gzip (a script of the page's own, from a `blob:` address, which the
/// page's policy allows as its only workers), and the requests it has not answered.
struct Unpacker {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<Waiting>>,
    _answer: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _failure: Closure<dyn FnMut(JsValue)>,
}

#[derive(Default)]
struct Waiting {
    next: u32,
    /// Each unanswered request's `resolve` and `reject`.
    by_id: HashMap<u32, (js_sys::Function, js_sys::Function)>,
    /// The worker failed (it could not start): every request is refused.
    failed: bool,
}

impl Unpacker {
    fn start() -> Option<Unpacker> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let program =
            Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&UNPACKING.into()), &options).ok()?;
        let address = web_sys::Url::create_object_url_with_blob(&program).ok()?;
        let worker = web_sys::Worker::new(&address).ok();
        // The worker has read its program once it runs; the address is no longer needed.
        web_sys::Url::revoke_object_url(&address).ok();
        let worker = worker?;
        let waiting = Rc::new(RefCell::new(Waiting::default()));
        let answers = Rc::clone(&waiting);
        let answer = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = js_sys::Array::from(&event.data());
            let id = data.get(0).as_f64().unwrap_or(-1.0) as u32;
            let Some((resolve, reject)) = answers.borrow_mut().by_id.remove(&id) else {
                return;
            };
            let bytes = data.get(1);
            let settle = if bytes.is_null() { reject } else { resolve };
            settle.call1(&JsValue::NULL, &bytes).ok();
        });
        let failures = Rc::clone(&waiting);
        let failure = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let mut waiting = failures.borrow_mut();
            waiting.failed = true;
            for (_, (_, reject)) in waiting.by_id.drain() {
                reject.call1(&JsValue::NULL, &NO_WORKER.into()).ok();
            }
        });
        worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
        worker.set_onerror(Some(failure.as_ref().unchecked_ref()));
        Some(Unpacker {
            worker,
            waiting,
            _answer: answer,
            _failure: failure,
        })
    }

    /// Hands `packed` to the worker (moved there: the caller must not read it again); the
    /// promise gives the unpacked `ArrayBuffer`.
    fn unpack(&self, packed: &Uint8Array) -> Promise {
        // Only a whole buffer can be moved to the worker.
        let packed = if packed.byte_offset() == 0 && packed.byte_length() == packed.buffer().byte_length() {
            packed.clone()
        } else {
            packed.slice(0, packed.length())
        };
        let buffer = packed.buffer();
        let mut waiting = self.waiting.borrow_mut();
        let refused = waiting.failed;
        let id = waiting.next;
        waiting.next = waiting.next.wrapping_add(1);
        let mut settle = None;
        let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        let (resolve, reject) = settle.expect("a promise calls its executor at once");
        let message = js_sys::Array::of2(&id.into(), &buffer);
        if refused
            || self
                .worker
                .post_message_with_transfer(&message, &js_sys::Array::of1(&buffer))
                .is_err()
        {
            reject.call1(&JsValue::NULL, &NO_WORKER.into()).ok();
        } else {
            waiting.by_id.insert(id, (resolve, reject));
        }
        promise
    }
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
        let input: ReadableStream = Blob::new_with_u8_array_sequence(&parts)?.stream();
        let response = Response::new_with_opt_readable_stream(Some(&input.pipe_through(transform)))?;
        Ok::<_, JsValue>(body(&response).await?.to_vec())
    };
    run.await.map_err(|e| format!("{e:?}"))
}
