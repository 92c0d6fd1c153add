use semver::{Version, VersionReq};
use std::io::{self, BufRead, Write};
fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let p: Vec<&str> = line.splitn(2, '\t').collect();
        match (VersionReq::parse(p[0]), Version::parse(p[1])) {
            (Ok(r), Ok(v)) => { writeln!(out, "{}", r.matches(&v)).unwrap(); }
            _ => { writeln!(out, "ERR").unwrap(); }
        }
    }
}
