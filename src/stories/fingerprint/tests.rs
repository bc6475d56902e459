use super::*;

/// Compares two texts exactly.
fn compare(a: &str, b: &str) -> Overlap {
    Profile::of(a).overlap(&Profile::of(b))
}

/// Whether `b` nearly duplicates `a` (or `a` `b`), confirmed from both texts.
fn is_near_duplicate(a: &str, b: &str) -> bool {
    compare(a, b).is_copy()
}

/// The hand-made near-duplicate files: a wire story, a byte copy, a lightly
/// edited and cut copy, an unrelated story, and two template sites
/// (daily weather bulletins, weekly price lists).
fn file(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/near-duplicates")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn names(prefix: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/near-duplicates");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    v.sort();
    v
}

#[test]
fn byte_identical_and_lightly_edited_copies_are_found() {
    let wire = file("wire.txt");
    let copy = file("wire-copy.txt");
    let edited = file("wire-edited.txt");
    assert!(is_near_duplicate(&wire, &copy));
    assert_eq!(Sketch::of(&wire), Sketch::of(&copy));
    let o = compare(&wire, &edited);
    assert!(o.is_copy(), "{o:?}");
    assert!(is_near_duplicate(&edited, &wire));
    // The sketches see it too: close SimHash, many equal minima.
    let (a, b) = (
        Sketch::of(&wire).expect("a"),
        Sketch::of(&edited).expect("b"),
    );
    assert!((a.simhash ^ b.simhash).count_ones() <= 16);
    assert!(a.estimate(&b) >= 0.3, "{}", a.estimate(&b));
    assert!(a.bands().zip(b.bands()).any(|(x, y)| x == y));
}

#[test]
fn template_pages_and_other_stories_are_never_copies() {
    for prefix in ["weather-", "prices-"] {
        let pages = names(prefix);
        assert!(pages.len() >= 4, "{pages:?}");
        for (i, a) in pages.iter().enumerate() {
            for b in &pages[i + 1..] {
                let o = compare(&file(a), &file(b));
                assert!(!o.is_copy(), "{a} / {b}: {o:?}");
            }
        }
    }
    assert!(!is_near_duplicate(
        &file("wire.txt"),
        &file("other-news.txt")
    ));
    assert!(!is_near_duplicate(
        &file("wire.txt"),
        &file("weather-2024-03-01.txt")
    ));
}

#[test]
fn sketch_round_trips_through_hex() {
    let s = Sketch::of(&file("wire.txt")).expect("sketch");
    let back = Sketch::from_hex(&s.simhash_hex(), &s.minhash_hex()).expect("parse");
    assert_eq!(back, s);
    assert_eq!(s.minhash_hex().len(), 128);
    assert!(Sketch::from_hex("zz", &s.minhash_hex()).is_none());
    assert!(Sketch::from_hex(&s.simhash_hex(), "00").is_none());
    assert!(Sketch::of("  ,. ").is_none());
}

#[test]
fn figures_stay_whole_and_count_apart_from_wording() {
    let p = Profile::of("Up 7.5% to 1,200 tonnes.");
    assert_eq!(p.figures.len(), 2, "7.5 and 1,200, each one word");
    // The same figures in other words and order: the figures agree.
    assert_eq!(
        p.overlap(&Profile::of("1,200 tonnes, up 7.5%")).figures,
        1.0
    );
    // "1 200" is two figures, neither of them "1,200".
    let split = p.overlap(&Profile::of("Up 7.5% to 1 200 tonnes."));
    assert!((split.figures - 0.25).abs() < 1e-9, "{split:?}");
}

/// The sketch as first written: the words read a character at a time into
/// one string, each shingle hashed over its joined words, each bit counted
/// apart. The streaming sketch must give exactly the same values.
fn plain_sketch(text: &str) -> Option<Sketch> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joins = matches!(c, '.' | ',')
            && !word.is_empty()
            && word.as_bytes().last().is_some_and(u8::is_ascii_digit)
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || joins {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    if words.is_empty() {
        return None;
    }
    let hashes: Vec<u64> = words
        .windows(SHINGLE.min(words.len()))
        .map(|w| {
            let mut h = FNV_OFFSET;
            for b in w.iter().flat_map(|x| x.bytes().chain([b' '])) {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
            mix(h)
        })
        .collect();
    let mut minhash = [u32::MAX; MINHASHES];
    let mut simhash = 0u64;
    for bit in 0..64 {
        let set = hashes.iter().filter(|h| *h >> bit & 1 == 1).count();
        if 2 * set > hashes.len() {
            simhash |= 1 << bit;
        }
    }
    for h in &hashes {
        for (i, m) in minhash.iter_mut().enumerate() {
            *m = (*m).min((mix(h ^ SEEDS[i]) >> 32) as u32);
        }
    }
    Some(Sketch { simhash, minhash })
}

#[test]
fn streaming_sketch_is_the_plain_definition() {
    let long = "Prices rose 1,200.5 points. ".repeat(300);
    let mut texts: Vec<String> = [
        "",
        " ,. ",
        "one",
        "Two words",
        "exactly five words right here",
        "six words are one more here",
        "Up 7.5% to 1,200 tonnes, then 3.,4 and ,5 and 6,",
        "İSTANBUL Straße ΟΔΟΣ naïve café 東京 2024年 x²",
        "mixed—dash…ellipsis «quotes» and  spaces\tand\nlines",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push(long);
    for name in names("") {
        texts.push(file(&name));
    }
    for t in &texts {
        assert_eq!(Sketch::of(t), plain_sketch(t), "{t:.60}");
    }
}
