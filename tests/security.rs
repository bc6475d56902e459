//! Security defaults: loopback-only endpoints, private ledger, readable
//! records, and no way for a source to lead reads or writes outside the
//! watched and output folders.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(20);

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn endpoints_listen_on_loopback_by_default() {
    let o = run(&["check-config"], &[]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("addr = \"127.0.0.1:"), "{text}");
}

#[test]
fn ledger_is_private_records_are_readable_and_links_stay_inside() {
    let ws = Workspace::new();
    // A folder outside, reachable through a symlinked sub-folder and a symlinked file.
    let outside = ws.dir.path().join("outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("secret.txt"), article(1)).expect("write");
    std::os::unix::fs::symlink(&outside, ws.watch().join("linked-dir")).expect("symlink dir");
    std::os::unix::fs::symlink(outside.join("secret.txt"), ws.watch().join("linked.txt"))
        .expect("symlink file");
    // A symlink to a file inside the folder is just another name for it.
    std::fs::write(ws.watch().join("inside.txt"), article(2)).expect("write");
    std::os::unix::fs::symlink(ws.watch().join("inside.txt"), ws.watch().join("alias.txt"))
        .expect("symlink");

    let d = Daemon::start(&ws, &[]);
    d.expect_ok(1, T);
    d.expect_metric(r#"wirewatch_articles_total{outcome="duplicate"}"#, 1.0, T);
    d.expect_metric(
        r#"wirewatch_quarantined_total{reason="symlink_outside"}"#,
        1.0,
        T,
    );
    std::thread::sleep(Duration::from_millis(300));

    // Nothing from outside was read: no record of it, no copy in quarantine.
    let records = ws.records();
    assert!(
        !records
            .iter()
            .any(|r| r.contains("secret") || r.starts_with("linked-dir")),
        "{records:?}"
    );
    assert!(
        !ws.quarantined("symlink_outside")
            .contains(&"linked.txt".to_string())
    );
    // Every file wirewatch wrote is below the output folder.
    assert!(
        list_files(ws.dir.path())
            .iter()
            .all(|f| !f.starts_with("outside/") || f == "outside/secret.txt")
    );

    assert_eq!(mode(&ws.out().join("ledger.redb")), 0o600);
    // The file and its alias are one content: one record, under the first name.
    let record = ["alias.txt", "inside.txt"]
        .map(|n| ws.record_path(n))
        .into_iter()
        .find(|p| p.exists());
    assert_eq!(mode(&record.expect("one record")), 0o644);
    assert_eq!(d.stop(T).map(|s| s.success()), Some(true));
}
