//! Shared helpers of the end-to-end tests: run the real binary with a watchdog, find
//! fixtures, read JSON output, and look up the source text a finding points at.

#![allow(dead_code)] // each test crate uses a different subset

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Every run is killed after this long, and the test fails.
pub const WATCHDOG: Duration = Duration::from_secs(20);

/// The date every fixture is judged against, so recency rules do not drift with the clock.
pub const AS_OF: &str = "2025-11-15";

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    /// Exit status (`-1` when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// The parsed JSON of standard output.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// The codes of the JSON diagnostics, in output order.
    pub fn codes(&self) -> Vec<String> {
        diagnostics(&self.json())
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    }

    /// Fails unless the run ended with `code` and did not panic.
    pub fn assert_exit(&self, code: i32) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            self.stderr
        );
        assert_eq!(
            self.code, code,
            "unexpected exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// The `diagnostics` array of a JSON output.
pub fn diagnostics(json: &Value) -> &Vec<Value> {
    json["diagnostics"]
        .as_array()
        .expect("`diagnostics` is an array")
}

/// Runs the binary with `args` in `cwd` (default: the crate root), killing it after
/// [`WATCHDOG`].
pub fn run_in(cwd: Option<&Path>, args: &[&str]) -> Run {
    run_command(cwd, args, None)
}

/// Like [`run_in`], with the binary's data memory capped at `max_bytes` (`RLIMIT_DATA`,
/// which on Linux ≥ 4.7 counts the heap and every private writable mapping, but not the
/// address space malloc merely reserves): going over makes an allocation fail, so the run
/// aborts and the caller's exit-status check fails. Elsewhere than Linux, no cap is set.
pub fn run_in_limited(cwd: Option<&Path>, args: &[&str], max_bytes: u64) -> Run {
    run_command(cwd, args, Some(max_bytes))
}

fn run_command(cwd: Option<&Path>, args: &[&str], max_bytes: Option<u64>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_evidencelint"));
    #[cfg(target_os = "linux")]
    if let Some(max) = max_bytes {
        use std::os::unix::process::CommandExt;
        let limit = libc::rlimit {
            rlim_cur: max,
            rlim_max: max,
        };
        // SAFETY: `setrlimit` is async-signal-safe, and the closure neither allocates nor
        // touches state shared with the parent.
        unsafe {
            command.pre_exec(move || {
                if libc::setrlimit(libc::RLIMIT_DATA, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = max_bytes;
    command
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.current_dir(cwd.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR"))));
    let mut child = command.spawn().expect("the binary starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    // Drain both pipes on threads so a large output cannot block the child.
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stderr.read_to_end(&mut buf).map(|_| buf)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the binary") {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`evidencelint {}` did not finish within {WATCHDOG:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_thread
        .join()
        .expect("stdout reader")
        .expect("read stdout");
    let stderr = err_thread
        .join()
        .expect("stderr reader")
        .expect("read stderr");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs the binary from the crate root.
pub fn run(args: &[&str]) -> Run {
    run_in(None, args)
}

/// `fixtures/<case>` (a path relative to the crate root, so output never shows a temp dir).
pub fn fixture(case: &str) -> String {
    let path = format!("fixtures/{case}");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).is_dir(),
        "fixture `{path}` is missing"
    );
    path
}

/// The absolute path of a fixture.
pub fn fixture_abs(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture(case))
}

/// `check DIR --color never --as-of AS_OF --format FORMAT [extra]`.
pub fn check(dir: &str, format: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "check", dir, "--color", "never", "--as-of", AS_OF, "--format", format,
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// The text a JSON diagnostic's `line`/`column`…`end_column` covers, read from `root`.
pub fn pointed_text(root: &Path, diag: &Value) -> String {
    let path = diag["path"].as_str().expect("the finding has a path");
    let text = std::fs::read_to_string(root.join(path)).expect("the file is UTF-8");
    let line = diag["line"].as_u64().expect("line") as usize;
    let column = diag["column"].as_u64().expect("column") as usize;
    let end_line = diag["end_line"].as_u64().expect("end_line") as usize;
    let end_column = diag["end_column"].as_u64().expect("end_column") as usize;
    assert_eq!(line, end_line, "a single-line span was expected: {diag}");
    let text_line = text.lines().nth(line - 1).expect("the line exists");
    text_line
        .chars()
        .skip(column - 1)
        .take(end_column - column)
        .collect()
}

/// The first diagnostic with `code` whose path is `path`.
pub fn find<'a>(json: &'a Value, code: &str, path: &str) -> &'a Value {
    diagnostics(json)
        .iter()
        .find(|d| d["code"] == code && d["path"] == path)
        .unwrap_or_else(|| panic!("no `{code}` in `{path}`:\n{json:#}"))
}

/// All diagnostics with `code`.
pub fn all_with<'a>(json: &'a Value, code: &str) -> Vec<&'a Value> {
    diagnostics(json)
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}
