//! End-to-end tests of `evidencelint.yaml` and user packs: every problem is reported into the
//! file it is in, and the run stops with exit 2 before checking anything.

mod harness;

use harness::{check, fixture};

/// The `--> path:line:column` locations of a human rendering, in order.
fn locations(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::to_string)
        .collect()
}

#[test]
fn config_invalid_stops_with_exit_2_and_points_into_the_config() {
    let dir = fixture("config-invalid/fail");
    let run = check(&dir, "human", &[]);
    run.assert_exit(2);
    assert!(
        run.stdout.is_empty(),
        "nothing is checked, nothing is printed on stdout:\n{}",
        run.stdout
    );
    insta::assert_snapshot!("config_invalid__human", run.stderr);
    // The bad `as-of`, the unknown key `exlude`, the bad severity: all reported at once.
    assert_eq!(
        locations(&run.stderr),
        [
            "evidencelint.yaml:2:8",
            "evidencelint.yaml:4:1",
            "evidencelint.yaml:6:16"
        ]
    );
    assert!(run.stderr.contains("did you mean `exclude`?"));
    assert!(run.stderr.contains("[config/invalid]"));
}

#[test]
fn config_invalid_is_exit_2_in_every_format() {
    let dir = fixture("config-invalid/fail");
    for format in ["json", "sarif", "github"] {
        let run = check(&dir, format, &[]);
        run.assert_exit(2);
        assert!(run.stdout.is_empty(), "{format}: {}", run.stdout);
        assert_eq!(locations(&run.stderr).len(), 3, "{format}: {}", run.stderr);
    }
}

#[test]
fn config_valid_applies_exclude() {
    // `drafts/contoso-retail.md` has a broken link, but `drafts/**` is excluded.
    let run = check(&fixture("config-invalid/pass"), "json", &[]);
    run.assert_exit(0);
    assert!(run.codes().is_empty(), "{}", run.stdout);
    assert_eq!(run.json()["summary"]["files"], 1);
}

#[test]
fn config_flag_pointing_at_a_missing_file_is_exit_2() {
    let run = check(
        &fixture("config-invalid/pass"),
        "human",
        &["--config", "fixtures/no-such-config.yaml"],
    );
    run.assert_exit(2);
    assert!(run.stderr.contains("no-such-config.yaml"), "{}", run.stderr);
}

#[test]
fn pack_invalid_stops_with_exit_2_and_points_into_the_pack() {
    let dir = fixture("pack-invalid/fail");
    let run = check(&dir, "human", &[]);
    run.assert_exit(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    insta::assert_snapshot!("pack_invalid__human", run.stderr);
    assert_eq!(
        locations(&run.stderr),
        ["rules/example-cloud-internal.yaml:19:12"]
    );
    assert!(run.stderr.contains("[pack/invalid]"));
    assert!(run.stderr.contains("every-case-study"));
    // The snippet shows the offending line of the pack.
    assert!(
        run.stderr.contains("19 |     scope: every-case-study"),
        "{}",
        run.stderr
    );
}

#[test]
fn pack_valid_loads_and_checks_cleanly() {
    let run = check(&fixture("pack-invalid/pass"), "json", &[]);
    run.assert_exit(0);
    assert!(run.codes().is_empty(), "{}", run.stdout);
}

#[test]
fn bad_flags_are_exit_2() {
    let dir = fixture("config-invalid/pass");
    for extra in [
        &["--as-of", "2025-13-01"][..],
        &["--threads", "0"],
        &["--program", "rds-sd-2099-01"],
    ] {
        let run = check(&dir, "human", extra);
        run.assert_exit(2);
        assert!(!run.stderr.is_empty());
    }
    let run = harness::run(&["check", "fixtures/no-such-repository", "--color", "never"]);
    run.assert_exit(2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    let run = harness::run(&["check", &dir, "--format", "yaml"]);
    run.assert_exit(2);
}
