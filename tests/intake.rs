//! How files come in: one owner per output folder, every file accounted
//! for, nothing read while its writer is still at it, nothing moved that
//! changed after it was read. Real binary, real folders.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests stop at the failing line

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const T: Duration = Duration::from_secs(20);

#[test]
fn a_second_daemon_on_the_same_output_is_refused_at_once() {
    let ws = Workspace::new();
    let first = Daemon::start(&ws, &[]);
    let started = Instant::now();
    let mut second = Command::new(BIN)
        .arg("run")
        .arg("--watch")
        .arg(ws.watch())
        .arg("--out")
        .arg(ws.out())
        .arg("--metrics-addr")
        .arg(format!("127.0.0.1:{}", free_port()))
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let status = loop {
        if let Some(s) = second.try_wait().expect("wait") {
            break s;
        }
        if started.elapsed() > T {
            let _ = second.kill();
            panic!("the second daemon did not stop");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut second.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert_eq!(status.code(), Some(2), "{stderr}");
    let out = ws.out().display().to_string();
    assert!(
        stderr.contains(&format!(
            "another wirewatch process is using {out}/ (ledger locked)"
        )),
        "{stderr}"
    );
    // The first one is undisturbed.
    drop_file(&ws.watch(), "a.txt", article(1).as_bytes());
    first.expect_ok(1, T);
    assert_eq!(first.stop(T).map(|s| s.success()), Some(true));
}
