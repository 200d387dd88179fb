//! Runs the composite action in `action.yml` the way the GitHub runner does: each `run:` step
//! as `bash --noprofile --norc -eo pipefail FILE`, with the step's `env:` (expressions
//! resolved from the test's inputs), fresh `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files per
//! step, `GITHUB_ACTION_PATH` = this project and `GITHUB_WORKSPACE` = a copy of a fixture.
//! `uses:` steps (the cache) are skipped; `EVIDENCELINT_BIN` points at the binary under test so
//! the install step copies it instead of running `cargo install`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Action {
    inputs: BTreeMap<String, Input>,
    runs: Runs,
}

#[derive(Debug, Deserialize)]
struct Input {
    #[serde(default)]
    default: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Runs {
    using: String,
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
struct Step {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    uses: Option<String>,
    #[serde(default)]
    run: Option<String>,
    #[serde(default)]
    shell: Option<String>,
    #[serde(default, rename = "if")]
    condition: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn action_text() -> String {
    std::fs::read_to_string(project().join("action.yml")).expect("action.yml")
}

fn action() -> Action {
    serde_saphyr::from_str(&action_text()).expect("action.yml parses")
}

/// What one run of the action produced.
struct Run {
    /// Exit status of the last step that ran (the first failing one, or the last).
    status: i32,
    stdout: String,
    stderr: String,
    /// Concatenated step summaries.
    summary: String,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
    workspace: tempfile::TempDir,
}

struct Runner {
    inputs: BTreeMap<String, String>,
    workspace: tempfile::TempDir,
    runner_temp: PathBuf,
    bin: PathBuf,
}

impl Runner {
    /// A workspace holding a copy of `fixtures/NAME` (at `sub` inside the workspace).
    fn new(fixture: &str, sub: &str, runner_temp: &Path) -> Self {
        let workspace = tempfile::tempdir().expect("tempdir");
        copy_dir(
            &project().join("fixtures").join(fixture),
            &workspace.path().join(sub),
        );
        Self {
            inputs: BTreeMap::new(),
            workspace,
            runner_temp: runner_temp.to_path_buf(),
            bin: env!("CARGO_BIN_EXE_evidencelint").into(),
        }
    }

    fn input(mut self, name: &str, value: &str) -> Self {
        self.inputs.insert(name.to_string(), value.to_string());
        self
    }

    fn resolve(
        &self,
        text: &str,
        action: &Action,
        outputs: &BTreeMap<String, BTreeMap<String, String>>,
    ) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("closed expression") + start;
            let expr = rest[start + 3..end].trim();
            out.push_str(&self.evaluate(expr, action, outputs));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    fn evaluate(
        &self,
        expr: &str,
        action: &Action,
        outputs: &BTreeMap<String, BTreeMap<String, String>>,
    ) -> String {
        if let Some(name) = expr.strip_prefix("inputs.") {
            let declared = action
                .inputs
                .get(name)
                .unwrap_or_else(|| panic!("undeclared input {name}"));
            return self
                .inputs
                .get(name)
                .cloned()
                .or_else(|| declared.default.clone())
                .unwrap_or_default();
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (id, output) = rest.split_once(".outputs.").expect("steps.ID.outputs.NAME");
            return outputs
                .get(id)
                .and_then(|o| o.get(output))
                .cloned()
                .unwrap_or_default();
        }
        match expr {
            "github.action_path" => project().display().to_string(),
            "github.workspace" => self.workspace.path().display().to_string(),
            "runner.temp" => self.runner_temp.display().to_string(),
            other => panic!("expression `{other}` is not supported by the test runner"),
        }
    }

    fn run(self) -> Run {
        self.run_with(&[])
    }

    fn run_with(self, extra_env: &[(&str, &str)]) -> Run {
        let action = action();
        assert_eq!(action.runs.using, "composite");
        let scratch = tempfile::tempdir().expect("tempdir");
        let mut outputs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let (mut stdout, mut stderr, mut summary) = (String::new(), String::new(), String::new());
        let mut status = 0;
        for (index, step) in action.runs.steps.iter().enumerate() {
            assert!(
                step.condition.is_none(),
                "the test runner does not evaluate `if:`"
            );
            let Some(script) = &step.run else {
                assert!(step.uses.is_some(), "a step runs or uses");
                continue;
            };
            assert_eq!(
                step.shell.as_deref(),
                Some("bash"),
                "composite run steps name their shell"
            );
            let script_path = scratch.path().join(format!("step{index}.sh"));
            std::fs::write(&script_path, script).expect("write script");
            let output_file = scratch.path().join(format!("output{index}"));
            let summary_file = scratch.path().join(format!("summary{index}"));
            std::fs::write(&output_file, "").expect("output file");
            std::fs::write(&summary_file, "").expect("summary file");
            let mut command = Command::new("bash");
            command
                .args(["--noprofile", "--norc", "-eo", "pipefail"])
                .arg(&script_path)
                .current_dir(self.workspace.path())
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("HOME", std::env::var_os("HOME").unwrap_or_default())
                .env("CI", "true")
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_ACTION_PATH", project())
                .env("GITHUB_WORKSPACE", self.workspace.path())
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_STEP_SUMMARY", &summary_file)
                .env("GITHUB_SERVER_URL", "https://github.com")
                .env("GITHUB_REPOSITORY", "octo/evidence")
                .env("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
                .env("RUNNER_TEMP", &self.runner_temp)
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env("EVIDENCELINT_BIN", &self.bin);
            for (key, value) in extra_env {
                command.env(key, value);
            }
            for (key, value) in &step.env {
                command.env(key, self.resolve(value, &action, &outputs));
            }
            let output = command.output().expect("bash runs");
            stdout.push_str(&String::from_utf8_lossy(&output.stdout));
            stderr.push_str(&String::from_utf8_lossy(&output.stderr));
            summary.push_str(&std::fs::read_to_string(&summary_file).unwrap_or_default());
            if let Some(id) = &step.id {
                outputs.insert(
                    id.clone(),
                    parse_outputs(&std::fs::read_to_string(&output_file).unwrap_or_default()),
                );
            }
            status = output.status.code().unwrap_or(-1);
            if status != 0 {
                break;
            }
        }
        Run {
            status,
            stdout,
            stderr,
            summary,
            outputs,
            workspace: self.workspace,
        }
    }
}

/// `name=value` lines and `name<<DELIM` blocks of a `GITHUB_OUTPUT` file.
fn parse_outputs(text: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some((name, delimiter)) = line.split_once("<<") {
            let value: Vec<&str> = lines.by_ref().take_while(|l| *l != delimiter).collect();
            map.insert(name.to_string(), value.join("\n"));
        } else if let Some((name, value)) = line.split_once('=') {
            map.insert(name.to_string(), value.to_string());
        }
    }
    map
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Validates a SARIF file against the SARIF 2.1.0 schema with `tests/ci/validate_sarif.py` when
/// Python's `jsonschema` is installed (CI installs it and also runs the script directly).
fn validate_sarif(path: &Path) {
    let has_jsonschema = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_jsonschema {
        eprintln!("skipping SARIF schema validation: python3 -m pip install jsonschema");
        return;
    }
    let output = Command::new("python3")
        .arg(project().join("tests/ci/validate_sarif.py"))
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "SARIF does not validate:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn failing_repository_fails_with_annotations_summary_and_sarif() {
    let temp = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-failing", ".", temp.path())
        .input("sarif-file", "evidencelint.sarif")
        .input("args", "--as-of 2026-01-01")
        .run();
    assert_eq!(
        run.status, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.outputs["run"]["exit-code"], "1");
    assert!(
        run.stdout.contains("::error file=case-studies/acme payments/case-study.md,line=5,col=9,endLine=5,endColumn=24,title=frontmatter/invalid-value::`aurora-postgres` is not a valid `engine:`%0A"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        ",title=link/broken::link to `case-studies/acme payments/diagrams/architecture.drawio`"
    ));
    assert!(
        run.stdout
            .contains("\nerror: 2 errors, 0 warnings in 2 files\n")
    );
    assert!(
        run.summary
            .starts_with("## ❌ evidencelint: 2 errors, 0 warnings in 2 files"),
        "{}",
        run.summary
    );
    assert!(run.summary.contains(
        "[case-studies/acme payments/case-study.md:5](https://github.com/octo/evidence/blob/0123456789abcdef0123456789abcdef01234567/case-studies/acme%20payments/case-study.md#L5)"
    ));
    let sarif = run.workspace.path().join("evidencelint.sarif");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written")).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 2);
    validate_sarif(&sarif);
}

#[test]
fn evidence_in_a_sub_folder_gets_checkout_relative_paths() {
    let temp = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-failing", "docs/evidence", temp.path())
        .input("path", "./docs/evidence/")
        .input("sarif-file", "evidencelint.sarif")
        .input("args", "--as-of 2026-01-01")
        .run();
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "::error file=docs/evidence/case-studies/acme payments/case-study.md,line=5,"
        ),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(run.workspace.path().join("evidencelint.sarif")).unwrap();
    assert!(text.contains("\"uri\": \"docs/evidence/case-studies/acme%20payments/case-study.md\""));
    assert!(run.summary.contains("/blob/0123456789abcdef0123456789abcdef01234567/docs/evidence/case-studies/acme%20payments/case-study.md#L5"));
}

#[test]
fn passing_repository_passes() {
    let temp = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-passing", ".", temp.path()).run();
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("::error"));
    assert!(run.stdout.contains("0 errors, 0 warnings in 3 files"));
    assert!(
        run.summary
            .starts_with("## ✅ evidencelint: 0 errors, 0 warnings in 3 files"),
        "{}",
        run.summary
    );
    assert_eq!(run.outputs["run"]["exit-code"], "0");
}

#[test]
fn fail_on_never_and_warning() {
    let temp = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-failing", ".", temp.path())
        .input("fail-on", "never")
        .input("format", "json")
        .run();
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("\"code\": \"link/broken\""));
    let run = Runner::new("ci-passing", ".", temp.path())
        .input("fail-on", "warning")
        .run();
    assert_eq!(run.status, 0);
    let run = Runner::new("ci-failing", ".", temp.path())
        .input("fail-on", "sometimes")
        .run();
    assert_eq!(run.status, 2, "a bad input fails the step, not silently");
}

#[test]
fn args_are_split_but_never_evaluated() {
    let temp = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-passing", ".", temp.path())
        .input("args", "--as-of   $(touch${IFS}pwned)\n--quiet")
        .run();
    assert_eq!(run.status, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("--as-of `$(touch${IFS}pwned)` is not a YYYY-MM-DD date"),
        "{}",
        run.stderr
    );
    assert!(!run.workspace.path().join("pwned").exists());
    let run = Runner::new("ci-passing", ".", temp.path())
        .input("args", " --as-of 2026-01-01 \n --threads 1 ")
        .run();
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn the_install_step_reuses_the_cache_and_checks_a_given_binary() {
    let temp = tempfile::tempdir().unwrap();
    let first = Runner::new("ci-passing", ".", temp.path()).run();
    assert_eq!(first.status, 0);
    assert!(
        temp.path()
            .join("evidencelint-install/bin/evidencelint")
            .is_file()
    );
    let second = Runner::new("ci-passing", ".", temp.path()).run();
    assert!(
        second
            .stdout
            .contains("evidencelint restored from the cache"),
        "{}",
        second.stdout
    );

    let other = tempfile::tempdir().unwrap();
    let fake = other.path().join("fake-evidencelint");
    std::fs::write(&fake, "#!/bin/sh\necho 'evidencelint 9.9.9'\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let fresh = tempfile::tempdir().unwrap();
    let run = Runner::new("ci-passing", ".", fresh.path())
        .run_with(&[("EVIDENCELINT_BIN", fake.to_str().unwrap())]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("::error title=evidencelint::EVIDENCELINT_BIN is 'evidencelint 9.9.9'"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_action_is_wired_safely() {
    let text = action_text();
    let action = action();
    for name in action.inputs.keys() {
        assert!(
            text.contains(&format!("${{{{ inputs.{name} }}}}")),
            "input `{name}` is never used"
        );
    }
    for step in &action.runs.steps {
        if let Some(script) = &step.run {
            assert!(
                !script.contains("${{"),
                "an expression is interpolated into a script:\n{script}"
            );
            assert!(
                !script.contains("GITHUB_ENV") && !script.contains("GITHUB_PATH"),
                "a script writes GITHUB_ENV/GITHUB_PATH"
            );
            assert!(!script.contains("|| true"), "a script hides a failure");
        }
        if let Some(uses) = &step.uses {
            let (_, reference) = uses.split_once('@').expect("pinned");
            assert!(
                reference.len() == 40 && reference.chars().all(|c| c.is_ascii_hexdigit()),
                "`{uses}` is not pinned by a full SHA"
            );
        }
    }
}

#[test]
fn scripts_pass_shellcheck() {
    if Command::new("shellcheck")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: shellcheck is not installed");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    for (index, step) in action().runs.steps.iter().enumerate() {
        let Some(script) = &step.run else { continue };
        let path = scratch.path().join(format!("step{index}.sh"));
        std::fs::write(&path, format!("#!/bin/bash\nset -eo pipefail\n{script}")).unwrap();
        let output = Command::new("shellcheck").arg(&path).output().unwrap();
        assert!(
            output.status.success(),
            "step {index}:\n{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
