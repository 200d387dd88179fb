//! Hostile repositories, built at run time: each file is a diagnostic or nothing, never a
//! panic, never exit 2, never a hang (every run has a 20 s watchdog).

mod harness;

use std::fs;
use std::path::Path;

use harness::{AS_OF, Run, find, run_in};

/// `check . --format FORMAT` in `root`: exit 0 or 1, no panic, valid JSON when asked.
fn check_in(root: &Path, format: &str) -> Run {
    let out = run_in(
        Some(root),
        &[
            "check", ".", "--color", "never", "--as-of", AS_OF, "--format", format,
        ],
    );
    assert!(!out.stderr.contains("panicked"), "panic:\n{}", out.stderr);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}:\n{}\n{}",
        out.code,
        out.stdout,
        out.stderr
    );
    if format == "json" {
        out.json();
    }
    out
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn malformed_files_are_diagnostics_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "empty.md", "");
    write(
        root,
        "front-matter-only.md",
        "---\nkind: practice\ncontrols: []\n---\n",
    );
    write(
        root,
        "never-closed.md",
        "---\nkind: evidence\ncontrols: [RDS-009]\n",
    );
    write(root, "list.md", "---\n- kind\n- evidence\n---\n# x\n");
    write(root, "scalar.md", "---\njust a sentence\n---\n# x\n");
    write(root, "only-dashes.md", "---\n---\n");
    write(
        root,
        "bom.md",
        b"\xEF\xBB\xBF---\ntitle: BOM\n---\n# Heading\n",
    );
    write(
        root,
        "nul.md",
        b"# Backup\x00 policy\n\x00\x00\x01\x02 [x](\x00.md)\n",
    );
    write(root, "latin1.md", b"# Proc\xE9dure\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("# DR plan\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(root, "utf16.md", utf16);
    write(
        root,
        "cr-only.md",
        "---\rkind: case-study\rcustomer: Fabrikam\r---\r# Fabrikam\r\rSee [plan](missing.md).\r",
    );
    write(
        root,
        "crlf.md",
        "---\r\ntitle: CRLF\r\n---\r\n# Title\r\n\r\n[self](#title)\r\n",
    );
    write(
        root,
        "deep-yaml.md",
        format!(
            "---\nkind: {}x{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    write(
        root,
        "anchors.md",
        "# Heading\n[a](#heading) [b](#) [c](<>) [d]() [e](#%) [f](%ZZ.md) [g](../) [h](./)\n",
    );
    let json = check_in(root, "json").json();
    for (path, code) in [
        ("never-closed.md", "frontmatter/invalid-yaml"),
        ("list.md", "frontmatter/invalid-yaml"),
        ("scalar.md", "frontmatter/invalid-yaml"),
        ("latin1.md", "file/not-utf8"),
        ("utf16.md", "file/not-utf8"),
    ] {
        find(&json, code, path);
    }
    let human = check_in(root, "human");
    assert!(
        human.stdout.contains("file is UTF-16, not UTF-8"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_five_megabyte_line_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut line = "The backup policy retains snapshots. ".repeat(5 * 1024 * 1024 / 37);
    line.push_str("[plan](missing.md)");
    write(root, "huge.md", &line);
    write(root, "brackets.md", "[".repeat(1_000_000));
    write(root, "emphasis.md", "*a ".repeat(300_000));
    let out = check_in(root, "json");
    assert_eq!(harness::all_with(&out.json(), "link/broken").len(), 1);
    check_in(root, "human");
}

#[cfg(unix)]
#[test]
fn special_files_are_skipped_or_reported() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.md",
        "---\nkind: evidence\ncontrols: [NOPE-1]\n---\n[x](gone.md)\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "README.md", "# Evidence\n\n[runbook](runbook.md)\n");
    write(root, "runbook.md", "# Runbook\n");
    fs::create_dir_all(root.join("folder.md")).unwrap();
    let fifo = root.join("fifo.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    symlink("loop.md", root.join("loop.md")).unwrap();
    fs::create_dir_all(root.join("nested")).unwrap();
    symlink("..", root.join("nested/up")).unwrap();
    symlink(outside.path().join("secret.md"), root.join("outside.md")).unwrap();
    symlink(outside.path(), root.join("outside-dir")).unwrap();
    symlink("runbook.md", root.join("alias.md")).unwrap();
    for format in ["json", "human"] {
        let out = check_in(root, format);
        // The file outside the root is never read: none of its content shows up.
        assert!(
            !out.stdout.contains("NOPE-1") && !out.stdout.contains("gone.md"),
            "{}",
            out.stdout
        );
    }
    let json = check_in(root, "json");
    assert!(json.codes().is_empty(), "{}", json.stdout);
}

#[test]
fn file_names_with_spaces_percent_colon_and_non_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let names = [
        "dr plan.md",
        "100% uptime.md",
        "12:00 cutover.md",
        "évidence données.md",
        "日本語.md",
    ];
    for name in names {
        write(
            root,
            name,
            format!("# {name}\n\nBack to the [index](README.md).\n"),
        );
    }
    write(
        root,
        "README.md",
        "# Index\n\n[a](dr%20plan.md) [b](<dr plan.md>) [c](100%25%20uptime.md) [d](<12:00 cutover.md>) \
         [e](%C3%A9vidence%20donn%C3%A9es.md) [f](日本語.md) [g](missing%20file.md)\n",
    );
    let out = check_in(root, "json");
    let json = out.json();
    let broken: Vec<&str> = harness::all_with(&json, "link/broken")
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // `<12:00 cutover.md>` looks like a URL scheme (`12:`) to nobody: a scheme starts with a letter.
    assert_eq!(
        broken,
        ["link to `missing file.md`, which does not exist"],
        "{}",
        out.stdout
    );
    let human = check_in(root, "human");
    assert!(human.stdout.contains("missing file.md"));
}

#[test]
fn a_file_over_the_size_limit_is_unreadable() {
    // Running as root defeats `chmod 000`, so the portable trigger of `file/unreadable` is the
    // 64 MiB limit: a sparse file costs no disk space and no write time.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "README.md", "# Evidence\n");
    let big = fs::File::create(root.join("export.md")).unwrap();
    big.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(big);
    let json = check_in(root, "json").json();
    let diag = find(&json, "file/unreadable", "export.md");
    assert!(
        diag["message"].as_str().unwrap().contains("64 MiB"),
        "{diag}"
    );
    let human = check_in(root, "human");
    assert!(
        human.stdout.contains("error[file/unreadable]"),
        "{}",
        human.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_unreadable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "locked.md", "# Locked\n");
    let path = root.join("locked.md");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Root (or CAP_DAC_OVERRIDE) reads anything: the size-limit test covers the code.
        eprintln!("skipped: this user can read a mode-000 file");
        return;
    }
    let json = check_in(root, "json").json();
    let diag = find(&json, "file/unreadable", "locked.md");
    assert!(
        diag["message"]
            .as_str()
            .unwrap()
            .contains("permission denied"),
        "{diag}"
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
}
