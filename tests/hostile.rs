//! Hostile repositories, built at run time: each file is a diagnostic or nothing, never a
//! panic, never exit 2, never a hang, and bounded memory.
//!
//! Time: every run has the harness's 20 s watchdog. Memory: every run has its data memory
//! capped at [`MEMORY_CAP`] with `RLIMIT_DATA` (set in the child before `exec`; Linux counts
//! the heap and all private writable mappings, not the address space malloc only reserves, so
//! the cap does not depend on the number of cores or threads). An allocation over the cap
//! aborts the binary, which fails the exit-status check.

mod harness;

use std::fs;
use std::path::Path;
use std::time::Instant;

use harness::{AS_OF, Run, find, run_in_limited};

/// The most data memory one run may use.
const MEMORY_CAP: u64 = 2 * 1024 * 1024 * 1024;

/// `check . --format FORMAT` in `root`: exit 0 or 1, no panic, valid JSON when asked.
fn check_in(root: &Path, format: &str) -> Run {
    let started = Instant::now();
    let out = run_in_limited(
        Some(root),
        &[
            "check", ".", "--color", "never", "--as-of", AS_OF, "--format", format,
        ],
        MEMORY_CAP,
    );
    eprintln!("check --format {format}: {:?}", started.elapsed());
    assert!(!out.stderr.contains("panicked"), "panic:\n{}", out.stderr);
    // Reading a file under the memory cap fails gracefully, as `file/unreadable`.
    assert!(
        !out.stdout.contains("out of memory"),
        "over the memory cap:\n{}",
        out.stdout
    );
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
fn a_ten_megabyte_line_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut line = "The backup policy retains snapshots. ".repeat(10 * 1024 * 1024 / 37);
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

#[test]
fn ten_megabytes_of_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut text = String::from("---\nkind: evidence\ncontrols:\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str("  - RDS-009\n");
    }
    text.push_str("---\n# Evidence\n");
    // Today this list goes over the YAML parser's node budget: `frontmatter/invalid-yaml`,
    // located at the node that breached it.
    write(root, "list.md", &text);
    let mut text = String::from("---\ntitle: \"");
    text.push_str(&"x".repeat(10 * 1024 * 1024));
    text.push_str("\"\n---\n# Evidence\n");
    write(root, "scalar.md", &text);
    check_in(root, "json");
    check_in(root, "human");
}

#[test]
fn a_hundred_thousand_levels_of_yaml_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let n = 100_000;
    let documents = [
        (
            "flow-seq.md",
            format!("kind: {}x{}", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "flow-map.md",
            format!("kind: {}x: y{}", "{".repeat(n), "}".repeat(n)),
        ),
        ("unclosed.md", format!("kind: {}", "[{".repeat(n))),
        // Block sequences nested by indentation, written compactly on one line.
        ("block-seq.md", format!("kind:\n{}x", "- ".repeat(n))),
    ];
    for (name, yaml) in &documents {
        write(root, name, format!("---\n{yaml}\n---\n# Evidence\n"));
    }
    let json = check_in(root, "json").json();
    for (name, _) in &documents {
        find(&json, "frontmatter/invalid-yaml", name);
    }
    check_in(root, "human");
}

#[test]
fn a_hundred_thousand_levels_of_markdown_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let n = 100_000;
    let link = "The RTO is 1 hour, see [plan](missing.md).\n";
    write(root, "quotes.md", format!("{}{link}", "> ".repeat(n)));
    write(root, "bullets.md", format!("{}{link}", "- ".repeat(n)));
    write(root, "ordered.md", format!("{}{link}", "1. ".repeat(n)));
    write(
        root,
        "mixed.md",
        format!("{}{link}", "> - 1. ".repeat(n / 3)),
    );
    let mut lines = String::new();
    for _ in 0..n {
        lines.push('>');
        lines.push_str(link);
    }
    write(root, "quote-lines.md", lines);
    let json = check_in(root, "json").json();
    for name in [
        "quotes.md",
        "bullets.md",
        "ordered.md",
        "mixed.md",
        "quote-lines.md",
    ] {
        find(&json, "link/broken", name);
    }
    check_in(root, "human");
}

#[test]
fn a_hundred_thousand_links_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "other.md", "# Other\n");
    let mut text = String::from("# Links\n\n");
    for i in 0..100_000 {
        match i % 4 {
            0 => text.push_str("[a](other.md) "),
            1 => text.push_str("[b](#links) "),
            2 => text.push_str("[c](other.md#other)\n"),
            _ => text.push_str("<https://example.com> "),
        }
    }
    text.push_str("\n[broken](missing.md)\n");
    write(root, "links.md", &text);
    let out = check_in(root, "json");
    assert_eq!(harness::all_with(&out.json(), "link/broken").len(), 1);
    check_in(root, "human");
}

#[test]
fn a_billion_laughs_in_front_matter_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{prev}"); 10].join(", ")
        ));
    }
    yaml.push_str("controls: *a9\n");
    write(
        root,
        "bomb.md",
        format!("---\nkind: evidence\n{yaml}---\n# Bomb\n"),
    );
    let json = check_in(root, "json").json();
    let diag = find(&json, "frontmatter/invalid-yaml", "bomb.md");
    assert!(diag["line"].as_u64().unwrap() > 1, "{diag}");
    check_in(root, "human");
}

/// Makes `root/d/d/…/d` `depth` levels deep, with `evidence.md` in every 1000th level,
/// using only short paths (so `PATH_MAX` never gets in the way): each step moves the tree
/// built so far one level down, into a fresh top directory.
fn deep_tree(root: &Path, depth: usize) {
    fs::create_dir(root.join("d")).unwrap();
    for level in 1..depth {
        if level.is_multiple_of(1000) {
            write(
                root,
                "d/evidence.md",
                "# Evidence\n\n[up](../evidence.md) [gone](gone.md)\n",
            );
        }
        fs::create_dir(root.join("next")).unwrap();
        fs::rename(root.join("d"), root.join("next/d")).unwrap();
        fs::rename(root.join("next"), root.join("d")).unwrap();
    }
}

/// Removes a tree made by [`deep_tree`] from the top, with short paths again: `remove_dir_all`
/// would hold one descriptor per level.
fn remove_deep_tree(root: &Path) {
    let top = root.join("d");
    while top.exists() {
        for entry in fs::read_dir(&top).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                fs::rename(entry.path(), root.join("next")).unwrap();
            } else {
                fs::remove_file(entry.path()).unwrap();
            }
        }
        fs::remove_dir(&top).unwrap();
        if root.join("next").exists() {
            fs::rename(root.join("next"), &top).unwrap();
        }
    }
}

#[test]
fn a_ten_thousand_deep_directory_tree() {
    // The OS lets the tree be made, but the walk cannot open paths longer than `PATH_MAX`
    // (about 2000 levels of `d/`): the deeper levels are skipped, silently. The tree goes to
    // tmpfs when there is one: some disk file systems take milliseconds per `rmdir`, which
    // would make removing 10,000 levels take half a minute.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let root = dir.path();
    write(root, "evidence.md", "# Evidence\n");
    deep_tree(root, 10_000);
    let json = check_in(root, "json").json();
    let deepest = harness::all_with(&json, "link/broken")
        .iter()
        .map(|d| d["path"].as_str().unwrap().matches('/').count())
        .max();
    eprintln!("deepest file linted: {deepest:?} levels");
    assert!(deepest >= Some(1000), "{deepest:?}");
    check_in(root, "human");
    remove_deep_tree(root);
}

#[test]
fn files_removed_and_recreated_while_the_walk_runs() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    write(&root, "README.md", "# Index\n\n[a](churn/0.md)\n");
    for i in 0..200 {
        write(&root, &format!("churn/{i}.md"), format!("# File {i}\n"));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let churner = {
        let (stop, root) = (Arc::clone(&stop), root.clone());
        std::thread::spawn(move || {
            let mut round = 0usize;
            while !stop.load(Ordering::Relaxed) {
                for i in 0..200 {
                    let path = root.join(format!("churn/{i}.md"));
                    if (i + round).is_multiple_of(2) {
                        let _ = fs::remove_file(&path);
                    } else {
                        let _ = fs::write(&path, format!("# File {i}\n[x](missing.md)\n"));
                    }
                }
                if round.is_multiple_of(10) {
                    let _ = fs::remove_dir_all(root.join("churn/sub"));
                } else {
                    let _ = fs::create_dir_all(root.join("churn/sub/deeper"));
                    let _ = fs::write(root.join("churn/sub/deeper/x.md"), "# X\n");
                }
                round += 1;
            }
        })
    };
    for format in ["json", "human", "json", "sarif"] {
        check_in(&root, format);
    }
    stop.store(true, Ordering::Relaxed);
    churner.join().unwrap();
}

#[cfg(unix)]
#[test]
fn file_names_with_newlines_and_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "two\nlines.md", "# Two lines\n\n[gone](gone.md)\n");
    write(root, "tab\there.md", "# Tab\n");
    write(root, "esc\u{1b}[31m.md", "# Escape\n");
    write(
        root,
        "README.md",
        "# Index\n\n[a](two%0Alines.md) [b](tab%09here.md)\n",
    );
    let json = check_in(root, "json").json();
    assert!(!harness::all_with(&json, "link/broken").is_empty());
    let human = check_in(root, "human");
    assert!(!human.stdout.contains('\u{1b}'), "{:?}", human.stdout);
    check_in(root, "sarif");
    check_in(root, "github");
}

#[cfg(unix)]
#[test]
fn a_device_named_x_md_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "README.md", "# Evidence\n");
    // `/dev/zero` and `/dev/tty` as `.md` files: one never ends, the other would block.
    let mut made = 0;
    for (name, major, minor) in [("zero.md", "1", "5"), ("tty.md", "5", "0")] {
        let status = std::process::Command::new("mknod")
            .arg(root.join(name))
            .args(["c", major, minor])
            .stderr(std::process::Stdio::null())
            .status();
        made += usize::from(status.is_ok_and(|s| s.success()));
    }
    if made == 0 {
        // Making device nodes needs CAP_MKNOD; the FIFO test covers the same code.
        eprintln!("skipped: this user cannot make device nodes");
        return;
    }
    let json = check_in(root, "json");
    assert!(json.codes().is_empty(), "{}", json.stdout);
    check_in(root, "human");
}
