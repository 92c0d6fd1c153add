// Reference runner for differential.cargo: the `semver` crate Cargo itself uses (Debian
// librust-semver-dev, built offline). usage: cargo_reference compare|contains INPUT OUTPUT
// compare orders by SemVer precedence: build metadata is cleared first, because since semver
// 1.0.14 `Ord` also orders by build metadata while crates.io treats 1.0.0+a and 1.0.0+b as one
// version. contains uses VersionReq::matches (its own pre-release rule).
// Answers per line: -1 / 0 / 1, true / false, or "invalid: <reason>".
use semver::{BuildMetadata, Version, VersionReq};
use std::cmp::Ordering;
use std::io::Write;

fn precedence(text: &str) -> Result<Version, semver::Error> {
    let mut version = Version::parse(text)?;
    version.build = BuildMetadata::EMPTY;
    Ok(version)
}

fn answer(compare: bool, first: &str, second: &str) -> Result<String, semver::Error> {
    if compare {
        let order = precedence(first)?.cmp(&precedence(second)?);
        return Ok(match order {
            Ordering::Less => "-1",
            Ordering::Equal => "0",
            Ordering::Greater => "1",
        }
        .to_string());
    }
    let requirement = VersionReq::parse(first)?;
    Ok(requirement.matches(&Version::parse(second)?).to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: cargo_reference compare|contains INPUT OUTPUT");
        std::process::exit(2);
    }
    let compare = args[1] == "compare";
    let data = std::fs::read(&args[2]).expect("read input");
    let text = String::from_utf8(data).expect("input is UTF-8");
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    let file = std::fs::File::create(&args[3]).expect("create output");
    let mut out = std::io::BufWriter::new(file);
    for line in lines {
        let (first, second) = line.split_once('\t').unwrap_or((line, ""));
        let reply = match answer(compare, first, second) {
            Ok(reply) => reply,
            Err(error) => format!("invalid: {}", error.to_string().replace('\n', " ")),
        };
        writeln!(out, "{}", reply).expect("write output");
    }
    out.flush().expect("flush output");
}
