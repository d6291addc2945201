//! Messy and hostile input never panics and stays linear.

use super::*;

#[test]
fn random_input_never_panics() {
    const PIECES: [&[u8]; 32] = [
        b"<",
        b">",
        b"</",
        b"/>",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"]]>",
        b"&",
        b"&#",
        b"&#x",
        b";",
        b"\"",
        b"'",
        b"=",
        b"[",
        b"]",
        b"(",
        b")",
        b"*",
        b"_",
        b"`",
        b"```",
        b"\n",
        b"---\n",
        b"# ",
        b"<p>",
        b"<script>",
        b"<article>",
        b"<h1>",
        b"\xD0\x96",
        b"\xE9",
    ];
    const WORDS: [&[u8]; 6] = [b"a", b"Minsk ", b"title", b"meta", b"\0", b"\xC0\xFF\x80"];
    let mut rng = Lcg(0x5eed);
    for round in 0..400 {
        let mut bytes = Vec::new();
        let len = rng.below(120);
        for _ in 0..len {
            match rng.below(4) {
                0 => bytes.push(rng.next() as u8),
                1 => bytes.extend_from_slice(WORDS[rng.below(WORDS.len())]),
                _ => bytes.extend_from_slice(PIECES[rng.below(PIECES.len())]),
            }
        }
        let forced = [None, Some(Encoding::Utf16Le), Some(Encoding::Windows1251)][round % 3];
        let _ = decode(&bytes, forced);
        let _ = decode(&bytes, None);
        let text = String::from_utf8_lossy(&bytes);
        let html = html_to_text(&text);
        assert!(!html.text.starts_with(char::is_whitespace) && !html.text.ends_with(char::is_whitespace));
        let _ = markdown_to_text(&text);
        for name in ["x.html", "x.md", "x.txt", "\u{0}/.."] {
            let _ = read_file(name, &bytes, None);
        }
        let _ = pasted(&text, &text);
        let _ = import(&text);
        let _ = fingerprint(&text);
    }
}

/// CPU time this thread has used: unlike the time on the clock, it does not count the time
/// the thread waits while other programs (or other tests) run, which on a busy machine is
/// most of it.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_time() -> std::time::Duration {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `t` is a `struct timespec` (64-bit Linux) that the call only writes.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    std::time::Duration::new(t.seconds as u64, t.nanoseconds as u32)
}

/// Elsewhere, the time on the clock (since the first call).
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_time() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

#[test]
fn pathological_input_stays_linear() {
    use std::hint::black_box;
    use std::time::Duration;

    // Each input is timed at `N` and `4 * N` bytes: linear work takes about 4 times as long at
    // the larger size, quadratic work 16 times (at these sizes, far more than any fixed cost).
    // Timed in this thread's CPU time, the two sizes taking turns and the fastest of 3 runs of
    // each counting, so that a busy machine slows both alike; a case over the bound is timed
    // again, a few times, in case something else got in the way (quadratic work is over it
    // every time).
    const N: usize = 16_000;
    const RUNS: usize = 3;
    const ATTEMPTS: usize = 3;
    const MAX_RATIO: f64 = 10.0;
    // (prefix, unit repeated to the size)
    let inputs = [
        ("", "["),
        ("", "[a]("),
        ("", "`` ` "),
        ("", "*a _b "),
        ("", "<a "),
        ("", "<p>"),
        ("", "&#"),
        ("", "</script"),
        ("<script>", "</scrip "),
    ];
    type Parse = fn(&str);
    let parsers: [(&str, Parse); 2] = [
        ("markdown_to_text", |s| {
            drop(black_box(markdown_to_text(black_box(s))))
        }),
        ("html_to_text", |s| drop(black_box(html_to_text(black_box(s))))),
    ];
    let mut failures = Vec::new();
    for (prefix, unit) in inputs {
        let sized = |n: usize| format!("{prefix}{}", unit.repeat(n / unit.len()));
        let sizes = [sized(N), sized(4 * N)];
        for (name, parse) in parsers {
            let case = format!("{name}({:?})", format!("{prefix}{unit}{unit}…"));
            let mut ratios = Vec::new();
            let mut linear = false;
            for attempt in 1..=ATTEMPTS {
                let mut fastest = [Duration::MAX; 2];
                for _ in 0..RUNS {
                    for (input, best) in sizes.iter().zip(&mut fastest) {
                        let start = thread_time();
                        parse(input);
                        *best = (*best).min(thread_time() - start);
                    }
                }
                let ratio = fastest[1].as_secs_f64() / fastest[0].as_secs_f64().max(1e-6);
                println!(
                    "{case}: {:?} at n = {N} bytes, {:?} at 4n, ratio {ratio:.2} (attempt {attempt})",
                    fastest[0], fastest[1]
                );
                ratios.push(format!("{ratio:.1}"));
                if ratio < MAX_RATIO {
                    linear = true;
                    break;
                }
            }
            if !linear {
                failures.push(format!("{case}: t(4n)/t(n) = {}", ratios.join(", ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "superlinear (t(4n)/t(n) >= {MAX_RATIO} in each of {ATTEMPTS} attempts):\n{}",
        failures.join("\n")
    );
}

/// New articles get names not taken yet (ignoring case) and copies of a text already there,
/// however its lines break or its quotes curl, are recognised.
#[test]
fn new_articles_are_named_apart_and_copies_recognised() {
    let mut taken = Taken::default();
    taken.name("000_a.txt");
    taken.text("Protests \"continued\" in Minsk.");
    assert_eq!(taken.claim_name("000_A.txt"), "000_A (2).txt");
    assert_eq!(taken.claim_name("000_a.txt"), "000_a (3).txt");
    assert_eq!(taken.claim_name("new.txt"), "new.txt");
    assert_eq!(taken.claim_name("NEW.txt"), "NEW (2).txt");
    assert!(!taken.claim_text("Protests\n\u{201C}continued\u{201D} in minsk"));
    assert!(taken.claim_text("Protests continued in Brest."));
    assert!(!taken.claim_text("Protests continued in Brest."));
}

#[test]
fn web_addresses_are_http_or_https_without_spaces() {
    let cases: &[(&str, Option<&str>)] = &[
        ("https://example.org/a", Some("https://example.org/a")),
        ("  HTTP://example.org ", Some("http://example.org")),
        ("ftp://example.org", None),
        ("https://", None),
        ("https://exa mple.org", None),
        ("example.org", None),
        ("javascript:alert(1)", None),
    ];
    for &(input, want) in cases {
        assert_eq!(web_address(input).as_deref(), want, "{input:?}");
    }
}
