//! Snapshots of the sample articles' records: every change to the output is
//! reviewed as a snapshot diff. The ingest timestamp is redacted and each copy
//! gets a fixed mtime; everything else is deterministic for the same bytes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use common::*;

/// The modification time the copies are given: an article without a date
/// of its own is read against its file's mtime, which a checkout does not keep.
const MTIME_UNIX: u64 = 1_760_918_400; // 2025-10-20T00:00:00Z

fn record(name: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::copy(seeds_dir().join(name), &path).expect("copy seed");
    let file = std::fs::File::options()
        .write(true)
        .open(&path)
        .expect("open copy");
    file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(MTIME_UNIX))
        .expect("set mtime");
    drop(file);
    let o = run(&["extract", path.to_str().expect("utf8")], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    // The path as given on the command line depends on the temp folder.
    v["source"]["path"] = serde_json::Value::String(format!("seeds/{name}"));
    v
}

macro_rules! seed_snapshot {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let v = record($file);
            insta::assert_json_snapshot!($file, v, {
                ".source.ingested_at" => "[ingested_at]",
                ".source.modified_at" => "[modified_at]",
            });
        }
    };
}

seed_snapshot!(seed_000, "000_514d5b9f2e0d4f46.txt");
seed_snapshot!(seed_001, "001_1eaff65edbbe5b1f.txt");
seed_snapshot!(seed_002, "002_e1db33598756a9c9.txt");
seed_snapshot!(seed_003, "003_2d1f3eca5ebde82f.txt");
seed_snapshot!(seed_004, "004_7988de617d46664c.txt");

#[test]
fn same_bytes_give_the_same_record() {
    let mut a = record("004_7988de617d46664c.txt");
    let mut b = record("004_7988de617d46664c.txt");
    a["source"]["ingested_at"] = serde_json::Value::Null;
    b["source"]["ingested_at"] = serde_json::Value::Null;
    assert_eq!(a, b);
}
