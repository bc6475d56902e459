use super::*;

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
fn words_keep_figures_whole() {
    assert_eq!(
        Words::of("Up 7.5% to 1,200 tonnes.")
            .iter()
            .collect::<Vec<_>>(),
        ["up", "7.5", "to", "1,200", "tonnes"]
    );
}
