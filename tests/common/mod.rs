//! Helpers shared by the integration tests: temporary repositories and running the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary evidence repository.
pub struct Repo {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
}

impl Repo {
    /// An empty repository.
    pub fn new() -> Self {
        Repo {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The root path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders).
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Runs `evidencelint ARGS` in the repository root.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.path(), args)
    }

    /// Runs `check --format json` with extra args and parses the JSON.
    pub fn json(&self, args: &[&str]) -> (i32, serde_json::Value) {
        let mut all = vec!["check", ".", "--format", "json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        let value = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr));
        (out.code, value)
    }
}

/// A finished run.
pub struct Output {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs the binary in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args(args)
        .args(
            ["--color", "never"]
                .iter()
                .filter(|_| args.first().is_some_and(|a| *a == "check")),
        )
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run evidencelint");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "evidencelint panicked: {stderr}"
    );
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

/// The project root.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The findings with `code`.
pub fn with_code<'a>(json: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// Every code in the output.
pub fn codes(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// A valid RDS case study front matter with `controls`.
pub fn case_study(customer: &str, controls: &str, extra: &str) -> String {
    format!(
        "---\nkind: case-study\ncustomer: {customer}\nengine: rds-postgresql\nstatus: production\nstart: 2025-01-06\nend: 2025-09-30\nmanagement: partner-managed\nproject: migration\nvisibility: private\nprograms: [rds-sd-2025-08]\ncontrols: [{controls}]\n{extra}---\n\n# {customer}\n"
    )
}

/// Copies the folder `from` into `to`, recursively (files are overwritten).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Repo {
    /// A repository made of the fixtures `layers`, each copied over the previous ones.
    pub fn from_fixtures(layers: &[&str]) -> Self {
        let repo = Repo::new();
        for layer in layers {
            copy_dir(&project_root().join("fixtures").join(layer), repo.path());
        }
        repo
    }

    /// Reads a file of the repository.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }
}

/// `code severity path:line` for every finding (`-` for no path), plus ` [kind: reason]` for
/// a silenced one: a compact listing to compare exactly.
pub fn listing(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let place = match d["path"].as_str() {
                Some(path) => format!("{path}:{}", d["line"]),
                None => "-".to_string(),
            };
            let mut line = format!(
                "{} {} {place}",
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap()
            );
            if let Some(s) = d.get("suppressed") {
                line.push_str(&format!(
                    " [{}: {}]",
                    s["kind"].as_str().unwrap(),
                    s["reason"].as_str().unwrap()
                ));
            }
            line
        })
        .collect()
}
