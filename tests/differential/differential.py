#!/usr/bin/env python3
# Differential test driver: generates version pairs (or range/version pairs) for one scheme, asks
# the ecosystem's own reference implementation and `assay version compare|contains --batch`, and
# fails with a readable list of the disagreements. One ctest entry per scheme (CMakeLists.txt).
"""Runs one differential test. See README.md beside this file.

usage: differential.py --test NAME --assay PATH --work-dir DIR
  NAME is a scheme (npm, pypi, ...) for version order, or SCHEME.ranges for range membership.
Exit status: 0 agreement (or a weak oracle), 1 disagreement or a broken harness, 77 skipped
(a reference tool is missing and CI is not set).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RUNNERS = HERE / "runners"
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep the source tree clean
import generate  # noqa: E402  (beside this file)

SKIP = 77
DEFAULT_COUNTS = {"compare": 5000, "contains": 3000}
RUN_TIMEOUT = 300  # seconds for one reference or assay run
BUILD_TIMEOUT = 400


class HarnessError(Exception):
    """The harness itself is broken (not a disagreement): always a failure."""


class MissingTool(Exception):
    """A reference implementation is not installed: skip locally, fail under CI."""


# ---- reference runners ---------------------------------------------------------------------------


def run(cmd: Sequence[str], *, cwd: Optional[Path] = None, env: Optional[Dict[str, str]] = None,
        timeout: int = BUILD_TIMEOUT) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(list(cmd), cwd=cwd, env=env, capture_output=True, text=True,
                               timeout=timeout, check=False)
    except FileNotFoundError as error:
        raise MissingTool(f"{cmd[0]} is not installed") from error
    except subprocess.TimeoutExpired as error:
        raise HarnessError(f"timed out after {timeout}s: {' '.join(cmd)}") from error


def need_file(path: str, package: str) -> str:
    if not Path(path).exists():
        raise MissingTool(f"{path} is missing (Debian package {package})")
    return path


def need_program(name: str, package: str, fallbacks: Sequence[str] = ()) -> str:
    found = shutil.which(name)
    for candidate in fallbacks:
        if found is None and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            found = candidate
    if found is None:
        raise MissingTool(f"{name} is not on PATH (Debian package {package})")
    return found


@contextlib.contextmanager
def locked(directory: Path):
    """Serialises builds of one tool between tests that ctest runs in parallel."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def fingerprint(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(Path(part).read_bytes() if isinstance(part, Path) else str(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def build_once(directory: Path, stamp: str, product: Path, build) -> None:
    """Runs build() unless `product` exists from a build with the same fingerprint."""
    with locked(directory):
        stamp_file = directory / ".stamp"
        if product.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
            return
        stamp_file.unlink(missing_ok=True)
        build()
        if not product.exists():
            raise HarnessError(f"the build did not produce {product}")
        stamp_file.write_text(stamp)


def check_build(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        raise HarnessError(f"building {what} failed:\n{result.stdout}{result.stderr}")


class Runner:
    """A reference implementation: prepare() returns the command that takes MODE INPUT OUTPUT."""

    weak = False  # a port, not the ecosystem's own tool: report, never fail
    description = ""

    def prepare(self, tools: Path) -> Tuple[List[str], List[str]]:
        """Returns (command before MODE INPUT OUTPUT, arguments after them)."""
        raise NotImplementedError


class NodeRunner(Runner):
    description = "node-semver (root package.json) under node"

    def prepare(self, tools):
        node = need_program("node", "nodejs")
        modules = REPO / "node_modules"
        if not (modules / "semver" / "package.json").exists():
            raise MissingTool("node_modules/semver is missing (run scripts/install_node_deps.sh)")
        return [node, str(RUNNERS / "npm_reference.js")], [str(modules)]


class PythonRunner(Runner):
    description = "python3-packaging under Debian's /usr/bin/python3"

    def prepare(self, tools):
        python = os.environ.get("DIFFERENTIAL_PYTHON", "/usr/bin/python3")
        need_file(python, "python3")
        probe = run([python, "-c", "import packaging.version, packaging.specifiers"])
        if probe.returncode != 0:
            raise MissingTool(f"{python} cannot import packaging (Debian package "
                              "python3-packaging)")
        return [python, str(RUNNERS / "pypi_reference.py")], []


class RubyRunner(Runner):
    description = "RubyGems (Gem::Version, Gem::Requirement) under ruby"

    def prepare(self, tools):
        return [need_program("ruby", "ruby"), str(RUNNERS / "rubygems_reference.rb")], []


class PhpRunner(Runner):
    description = "composer/semver (php-composer-semver) under php"

    def prepare(self, tools):
        php = need_program("php", "php-cli")
        need_file("/usr/share/php/Composer/Semver/autoload.php", "php-composer-semver")
        return [php, str(RUNNERS / "packagist_reference.php")], []


class MavenRunner(Runner):
    description = "maven-artifact ComparableVersion / VersionRange under java"
    jars = [("/usr/share/java/maven-artifact-3.x.jar", "libmaven3-core-java"),
            ("/usr/share/java/commons-lang3.jar", "libcommons-lang3-java")]

    def prepare(self, tools):
        javac = need_program("javac", "default-jdk-headless")
        java = need_program("java", "default-jdk-headless")
        classpath = ":".join(need_file(jar, package) for jar, package in self.jars)
        out = tools / "maven"
        source = RUNNERS / "MavenReference.java"
        version = run([javac, "-version"]).stdout + run([javac, "-version"]).stderr

        def build():
            classes = out / "classes"
            shutil.rmtree(classes, ignore_errors=True)
            check_build(run([javac, "-d", str(classes), "-cp", classpath, str(source)]),
                        "the Maven reference runner")

        build_once(out, fingerprint(source, version, classpath),
                   out / "classes" / "MavenReference.class", build)
        return [java, "-cp", f"{classpath}:{out / 'classes'}", "MavenReference"], []


def go_environment(tools: Path) -> Dict[str, str]:
    env = dict(os.environ, GOFLAGS="-mod=mod", GOPROXY="off", GOSUMDB="off", GO111MODULE="on",
               GOTOOLCHAIN="local", CGO_ENABLED="0")
    if not os.environ.get("HOME"):
        env["GOCACHE"] = str(tools / "gocache")
    return env


class GoRunner(Runner):
    """Builds a runner offline against a Debian Go source package, through a replace directive."""

    def __init__(self, name: str, module: str, source_dir: str, package: str,
                 description: str, weak: bool = False) -> None:
        self.name, self.module, self.source_dir, self.package = name, module, source_dir, package
        self.description, self.weak = description, weak

    def prepare(self, tools):
        go = need_program("go", "golang-go")
        need_file(self.source_dir, self.package)
        out = tools / self.name
        source = RUNNERS / self.name / "main.go"
        go_mod = (f"module assay.invalid/differential/{self.name}\n\ngo 1.19\n\n"
                  f"require {self.module} v0.0.0\n\nreplace {self.module} => {self.source_dir}\n")
        version = run([go, "version"]).stdout

        def build():
            (out / "main.go").write_bytes(source.read_bytes())
            (out / "go.mod").write_text(go_mod)
            (out / "go.sum").unlink(missing_ok=True)
            check_build(run([go, "build", "-o", self.name, "."], cwd=out,
                            env=go_environment(tools)), f"the {self.name} runner")

        build_once(out, fingerprint(source, go_mod, version), out / self.name, build)
        return [str(out / self.name)], []


class CargoRunner(Runner):
    description = "the semver crate (librust-semver-dev), built offline with cargo"
    registry = "/usr/share/cargo/registry"

    def prepare(self, tools):
        cargo = need_program("cargo", "cargo",
                             [str(Path.home() / ".cargo" / "bin" / "cargo"),
                              "/root/.cargo/bin/cargo"])
        if not list(Path(self.registry).glob("semver-1.*")):
            raise MissingTool(f"{self.registry}/semver-1.* is missing (librust-semver-dev)")
        out = tools / "cargo"
        source = RUNNERS / "cargo_reference" / "main.rs"
        manifest = ('[package]\nname = "cargo_reference"\nversion = "0.0.0"\nedition = "2018"\n'
                    'publish = false\n\n[dependencies]\nsemver = "1"\n\n[workspace]\n')
        config = (f'[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\n'
                  f'directory = "{self.registry}"\n\n[net]\noffline = true\n')
        version = run([cargo, "--version"]).stdout

        def build():
            (out / "src").mkdir(parents=True, exist_ok=True)
            (out / ".cargo").mkdir(exist_ok=True)
            (out / "src" / "main.rs").write_bytes(source.read_bytes())
            (out / "Cargo.toml").write_text(manifest)
            (out / ".cargo" / "config.toml").write_text(config)
            (out / "Cargo.lock").unlink(missing_ok=True)
            env = dict(os.environ, CARGO_TARGET_DIR=str(out / "target"))
            env["PATH"] = str(Path(cargo).parent) + os.pathsep + env.get("PATH", "")
            check_build(run([cargo, "build", "--release", "--offline", "--quiet"], cwd=out,
                            env=env), "the cargo runner")

        binary = out / "target" / "release" / "cargo_reference"
        build_once(out, fingerprint(source, manifest, config, version), binary, build)
        return [str(binary)], []


class DpkgRunner(Runner):
    description = "libdpkg parseversion + dpkg_version_compare (libdpkg-dev), a C shim"

    def prepare(self, tools):
        cc = need_program("cc", "build-essential")
        need_file("/usr/include/dpkg/dpkg.h", "libdpkg-dev")
        flags = run(["pkg-config", "--cflags", "--libs", "libdpkg"])
        if flags.returncode != 0:
            raise MissingTool("pkg-config cannot find libdpkg (Debian package libdpkg-dev)")
        out = tools / "debian"
        source = RUNNERS / "debian_reference.c"

        def build():
            out.mkdir(parents=True, exist_ok=True)
            check_build(run([cc, "-O2", "-o", str(out / "debian_reference"), str(source)] +
                            flags.stdout.split()), "the dpkg runner")

        build_once(out, fingerprint(source, flags.stdout, Path("/usr/include/dpkg/dpkg.h")),
                   out / "debian_reference", build)
        return [str(out / "debian_reference")], []


class RpmRunner(Runner):
    description = "rpm's rpm.vercmp in rpm's embedded Lua"

    def prepare(self, tools):
        rpm = need_program("rpm", "rpm")
        probe = run([rpm, "--eval", '%{lua: print(rpm.vercmp("1.0", "1.1"))}'])
        if probe.returncode != 0 or probe.stdout.strip() != "-1":
            raise HarnessError(f"rpm's Lua rpm.vercmp does not work here: {probe.stderr}")
        return [sys.executable, str(HERE / "differential.py"), "--rpm-runner", rpm], []


def rpm_runner_main(rpm: str, mode: str, input_path: str, output_path: str) -> int:
    """Adapter giving rpm_reference.lua the MODE INPUT OUTPUT interface of the other runners."""
    for arg in (mode, input_path, output_path):
        if re.search(r"\s|%", arg):
            print(f"rpm runner: paths may not contain spaces or '%': {arg}", file=sys.stderr)
            return 2
    script = RUNNERS / "rpm_reference.lua"
    result = subprocess.run([rpm, "--define", f"_difftest_args {mode} {input_path} {output_path}",
                             "--eval", f'%{{lua: dofile("{script}")}}'], check=False)
    return result.returncode


# ---- schemes -------------------------------------------------------------------------------------


@dataclass
class SchemeConfig:
    ecosystem: str  # as passed to `assay version ...`
    runner: Runner
    ranges: bool = False
    # (first, second, expected reference answer): proves the runner is the reference we think.
    anchors: List[Tuple[str, str, str]] = field(default_factory=list)
    range_anchors: List[Tuple[str, str, str]] = field(default_factory=list)


SCHEMES: Dict[str, SchemeConfig] = {
    "npm": SchemeConfig("npm", NodeRunner(), ranges=True,
                        anchors=[("1.2.3-alpha", "1.2.3", "-1"), ("1.2.3+a", "1.2.3+b", "0"),
                                 ("1.2", "1.2.0", "invalid")],
                        range_anchors=[("^1.2.0", "1.9.9", "true"), ("^1.2.0", "1.3.0-rc.1",
                                                                        "false")]),
    "pypi": SchemeConfig("PyPI", PythonRunner(), ranges=True,
                         anchors=[("1.0.dev1", "1.0a1", "-1"), ("1.0", "1.0.0", "0"),
                                  ("1.0", "foo", "invalid")],
                         range_anchors=[(">=1.0,!=1.5.*,<2", "1.5.2", "false"),
                                        (">=1.0", "2.0a1", "false")]),
    "maven": SchemeConfig("Maven", MavenRunner(), ranges=True,
                          anchors=[("1.0-SNAPSHOT", "1.0", "-1"), ("1.0", "1-ga", "0"),
                                   ("1.0-alpha-1", "1.0-a1", "0")],
                          range_anchors=[("[1.0,2.0)", "2.0", "false"), ("(,1.0]", "1.0", "true")]),
    "rubygems": SchemeConfig("RubyGems", RubyRunner(), ranges=True,
                             anchors=[("1.0.a", "1.0", "-1"), ("1.0", "1", "0"),
                                      ("1..0", "1", "invalid")],
                             range_anchors=[("~> 1.2", "1.9", "true"), ("~> 1.2", "2.0", "false")]),
    "packagist": SchemeConfig("Packagist", PhpRunner(), ranges=True,
                              anchors=[("1.0.0-beta2", "1.0.0", "-1"), ("v1.0", "1.0.0.0", "0"),
                                       ("foo", "1.0", "invalid")],
                              range_anchors=[("^1.2 || ^2.0", "2.5", "true"),
                                             ("~1.2", "2.0", "false")]),
    "go": SchemeConfig("Go", GoRunner("go_reference", "golang.org/x/mod",
                                      "/usr/share/gocode/src/golang.org/x/mod",
                                      "golang-golang-x-mod-dev",
                                      "golang.org/x/mod/semver, built offline with go"),
                       anchors=[("v1.2.3-pre", "v1.2.3", "-1"), ("v1", "v1.0.0", "0"),
                                ("v2.0.0+incompatible", "v2.0.0", "0")]),
    "cargo": SchemeConfig("crates.io", CargoRunner(), ranges=True,
                          anchors=[("1.0.0-alpha", "1.0.0", "-1"), ("1.0.0+a", "1.0.0+b", "0"),
                                   ("v1.0.0", "1.0.0", "invalid")],
                          range_anchors=[("^1.2", "1.9.0", "true"), ("^1.2", "2.0.0", "false")]),
    "debian": SchemeConfig("Debian", DpkgRunner(),
                           anchors=[("1:1.0~rc1-1", "1:1.0-1", "-1"), ("0:1.0", "1.0", "0"),
                                    ("1.0 1", "1.0", "invalid")]),
    "rpm": SchemeConfig("Red Hat", RpmRunner(),
                        anchors=[("1.0~rc1", "1.0", "-1"), ("1.0^git1", "1.0", "1"),
                                 ("1_0", "1.0", "0")]),
    "alpine": SchemeConfig("Alpine", GoRunner("alpine_reference",
                                              "github.com/knqyf263/go-apk-version",
                                              "/usr/share/gocode/src/github.com/knqyf263/"
                                              "go-apk-version",
                                              "golang-github-knqyf263-go-apk-version-dev",
                                              "go-apk-version (a Go port of apk-tools), "
                                              "built offline with go", weak=True),
                           anchors=[("1.0_alpha", "1.0_beta", "-1"), ("1.0-r1", "1.0-r2", "-1")]),
}


# ---- exceptions.txt ------------------------------------------------------------------------------


def unescape(text: str) -> str:
    """Decodes \\t \\n \\\\ \\s (space) \\xHH \\uHHHH \\UHHHHHHHH in an exceptions.txt input."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c != "\\" or i + 1 == len(text):
            out.append(c)
            i += 1
            continue
        k = text[i + 1]
        width = {"x": 2, "u": 4, "U": 8}.get(k)
        if width:
            out.append(chr(int(text[i + 2:i + 2 + width], 16)))
            i += 2 + width
            continue
        out.append({"t": "\t", "n": "\n", "s": " ", "\\": "\\"}.get(k, "\\" + k))
        i += 2
    return "".join(out)


@dataclass
class Exception_:
    test: str
    kind: str  # input | regex | first | rewrite | answer
    pattern: str
    replacement: str
    reason: str
    line: int
    used: int = 0

    def matches(self, field_text: str) -> bool:
        if self.kind == "input":
            return field_text == self.pattern
        return re.search(self.pattern, field_text) is not None


def load_exceptions(path: Path, test: str) -> List[Exception_]:
    found = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        kind = cols[1] if len(cols) > 1 else ""
        want = 5 if kind == "rewrite" else 4
        if (kind not in ("input", "regex", "first", "rewrite", "answer") or len(cols) != want or
                not cols[-1].strip()):
            raise HarnessError(
                f"{path}:{number}: expected TEST<TAB>input|regex|first|answer<TAB>TEXT<TAB>REASON or "
                f"TEST<TAB>rewrite<TAB>REGEX<TAB>REPLACEMENT<TAB>REASON, found {raw!r}")
        if cols[0] != test:
            continue
        pattern = unescape(cols[2]) if kind == "input" else cols[2]
        if kind != "input":
            try:
                re.compile(pattern)
            except re.error as error:
                raise HarnessError(f"{path}:{number}: bad regex: {error}") from error
        found.append(Exception_(cols[0], kind, pattern, cols[3] if kind == "rewrite" else "",
                                cols[-1].strip(), number))
    return found


# ---- answers and comparison ----------------------------------------------------------------------


@dataclass
class Answer:
    value: Optional[str]  # "-1" "0" "1" "true" "false"; None when rejected or incomparable
    text: str  # as printed, for the report
    incomparable: bool = False


def parse_reference(line: str, mode: str) -> Answer:
    head = line.split(" ", 1)[0]
    if mode == "compare" and head in ("-1", "0", "1"):
        return Answer(head, line)
    if mode == "contains" and head in ("true", "false"):
        return Answer(head, line)
    if line.startswith("invalid"):
        return Answer(None, line)
    if line == "incomparable":
        return Answer(None, line, incomparable=True)
    raise HarnessError(f"the reference runner printed an unexpected line: {line!r}")


SYMBOLS = {"<": "-1", "=": "0", ">": "1", "true": "true", "false": "false"}


def parse_assay(line: str) -> Answer:
    if line in SYMBOLS:
        return Answer(SYMBOLS[line], line)
    if line.startswith("error:"):
        return Answer(None, line)
    raise HarnessError(f"assay printed an unexpected line: {line!r}")


def show(text: str) -> str:
    """Quotes an input so that whitespace, control, invisible and look-alike characters can be
    seen: everything outside printable ASCII is escaped (K U+212A is not K)."""
    out = []
    for c in text:
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        elif ord(c) < 0x100:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) < 0x10000:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return '"' + "".join(out) + '"'


ASSAY_WORDS = {"-1": "<", "0": "=", "1": ">", "true": "true", "false": "false"}


def verdict(answer: Answer) -> str:
    text = answer.text
    if answer.value is not None:
        note = text.split(" ", 1)[1] if " " in text else ""  # e.g. dpkg's "warn: ..."
        text = ASSAY_WORDS[answer.value] + (f" ({note})" if note else "")
    return text if len(text) <= 110 else text[:107] + "..."


@dataclass
class Tally:
    agree: int = 0
    rejected_by_both: int = 0
    incomparable: int = 0
    excused: int = 0
    not_implemented: int = 0
    disagreements: Dict[str, List[str]] = field(default_factory=dict)

    def disagree(self, kind: str, text: str) -> None:
        self.disagreements.setdefault(kind, []).append(text)

    @property
    def disagree_count(self) -> int:
        return sum(len(v) for v in self.disagreements.values())


def compare_answers(pairs, reference: List[Answer], assay: List[Answer], exceptions, mode) -> Tally:
    tally = Tally()
    join = " vs " if mode == "compare" else " contains "
    for (first, second), ref, got in zip(pairs, reference, assay):
        if got.value is None and "not implemented" in got.text:
            tally.not_implemented += 1
        if ref.incomparable:
            tally.incomparable += 1
            continue
        if ref.value is None and got.value is None:
            tally.rejected_by_both += 1
            continue
        if ref.value is not None and ref.value == got.value:
            tally.agree += 1
            continue
        excuse = next((e for e in exceptions if
                       (e.kind == "answer" and e.matches(f"{ref.text} | assay {got.text}")) or
                       (e.kind == "first" and e.matches(first)) or
                       (e.kind in ("input", "regex") and (e.matches(first) or e.matches(second)))),
                      None)
        if excuse is not None:
            excuse.used += 1
            tally.excused += 1
            continue
        if ref.value is None:
            kind = "assay accepts what the reference rejects"
        elif got.value is None:
            kind = "assay rejects what the reference accepts"
        else:
            kind = "different answers"
        tally.disagree(kind, f"{show(first)}{join}{show(second)}: assay {verdict(got)}, "
                             f"reference {verdict(ref)}")
    return tally


# ---- running -------------------------------------------------------------------------------------


def write_lines(path: Path, pairs: Sequence[Tuple[str, str]]) -> None:
    path.write_bytes("".join(f"{a}\t{b}\n" for a, b in pairs).encode("utf-8"))


def read_lines(path: Path, expected: int, who: str) -> List[str]:
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != expected:
        raise HarnessError(f"{who} answered {len(lines)} lines for {expected} inputs")
    return lines


def run_reference(runner: Runner, tools: Path, mode: str, pairs, work: Path,
                  exceptions: List[Exception_]) -> List[Answer]:
    rewrites = [e for e in exceptions if e.kind == "rewrite"]

    def rewrite(text: str) -> str:
        for e in rewrites:
            new = re.sub(e.pattern, e.replacement, text)
            if new != text:
                e.used += 1
                return new
        return text

    before, after = runner.prepare(tools)
    input_path, output_path = work / "reference.in", work / "reference.out"
    write_lines(input_path, [(rewrite(a), rewrite(b)) for a, b in pairs])
    output_path.unlink(missing_ok=True)
    result = run(before + [mode, str(input_path), str(output_path)] + after, timeout=RUN_TIMEOUT)
    if result.returncode != 0 or not output_path.exists():
        raise HarnessError(f"the reference runner failed (exit {result.returncode}):\n"
                           f"{result.stderr[-3000:]}")
    return [parse_reference(line, mode) for line in read_lines(output_path, len(pairs),
                                                                "the reference runner")]


def run_assay(assay: str, ecosystem: str, mode: str, pairs, work: Path) -> List[Answer]:
    input_path, output_path = work / "assay.in", work / "assay.out"
    write_lines(input_path, pairs)
    with open(input_path, "rb") as stdin, open(output_path, "wb") as stdout:
        try:
            result = subprocess.run([assay, "version", mode, ecosystem, "--batch"], stdin=stdin,
                                    stdout=stdout, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT,
                                    check=False)
        except FileNotFoundError as error:
            raise HarnessError(f"the assay binary is missing: {assay}") from error
        except subprocess.TimeoutExpired as error:
            raise HarnessError(f"assay did not answer {len(pairs)} lines within "
                               f"{RUN_TIMEOUT}s") from error
    stderr = result.stderr.decode("utf-8", errors="replace")
    if result.returncode not in (0, 1):  # 1: some line was an error, as --batch documents
        raise HarnessError(f"assay exited {result.returncode} (crash or sanitizer report?):\n"
                           f"{stderr[-3000:]}")
    return [parse_assay(line) for line in read_lines(output_path, len(pairs), "assay")]


def number(n: int) -> str:
    return f"{n:,}"


def main(argv: Sequence[str]) -> int:
    if len(argv) > 1 and argv[1] == "--rpm-runner":
        return rpm_runner_main(*argv[2:6])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", required=True, help="scheme, or scheme.ranges")
    parser.add_argument("--assay", required=True, help="path of the assay binary")
    parser.add_argument("--work-dir", required=True, help="where inputs, outputs and tools go")
    parser.add_argument("--count", type=int, default=int(os.environ.get("DIFFERENTIAL_COUNT", 0)),
                        help="pairs to generate (default 5000 for versions, 3000 for ranges)")
    parser.add_argument("--seed", default=os.environ.get("DIFFERENTIAL_SEED", "1"))
    parser.add_argument("--show", type=int, default=int(os.environ.get("DIFFERENTIAL_SHOW", 30)),
                        help="disagreements to print")
    args = parser.parse_args(argv[1:])

    scheme, _, suffix = args.test.partition(".")
    if scheme not in SCHEMES or suffix not in ("", "ranges"):
        print(f"unknown test {args.test!r}; schemes: {', '.join(SCHEMES)}", file=sys.stderr)
        return 2
    config = SCHEMES[scheme]
    mode = "contains" if suffix else "compare"
    if mode == "contains" and not config.ranges:
        print(f"{scheme} has no range test", file=sys.stderr)
        return 2
    name = f"differential.{args.test}"
    work = Path(args.work_dir).resolve() / args.test
    tools = Path(args.work_dir).resolve() / "tools"
    work.mkdir(parents=True, exist_ok=True)
    timings: List[str] = []
    clock = time.monotonic()

    def lap(what: str) -> None:
        nonlocal clock
        now = time.monotonic()
        timings.append(f"{what} {now - clock:.1f}s")
        clock = now

    try:
        exceptions = load_exceptions(HERE / "exceptions.txt", args.test)
        count = args.count or DEFAULT_COUNTS[mode]
        anchors = config.range_anchors if mode == "contains" else config.anchors
        if mode == "compare":
            generated = generate.compare_pairs(scheme, count, args.seed)
        else:
            generated = generate.range_pairs(scheme, count, args.seed)
        pairs = [(a, b) for a, b, _ in anchors] + generated
        lap("generate")
        reference = run_reference(config.runner, tools, mode, pairs, work, exceptions)
        lap("reference")
        for (a, b, expected), got in zip(anchors, reference):
            if (got.value or got.text.split(":")[0]) != expected:
                raise HarnessError(f"the reference runner answered {got.text!r} for {a!r}, "
                                   f"{b!r}; expected {expected!r}: it is not the reference "
                                   "implementation this test assumes")
        assay = run_assay(args.assay, config.ecosystem, mode, pairs, work)
        lap("assay")
    except MissingTool as missing:
        ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
        print(f"{name}: reference implementation unavailable: {missing}")
        if ci:
            print("CI is set, so a missing reference tool is a failure "
                  "(scripts/install_deps.sh --test installs them).")
            return 1
        print("skipped (set CI=true to make this a failure)")
        return SKIP
    except HarnessError as error:
        print(f"{name}: harness error: {error}")
        return 1

    tally = compare_answers(pairs, reference, assay, exceptions, mode)
    lap("compare")
    unit = "pairs" if mode == "compare" else "range/version pairs"
    weak = config.runner.weak
    print(f"{name}: Assay `version {mode} {config.ecosystem}` against "
          f"{config.runner.description or type(config.runner).__name__}"
          f"{' (WEAK oracle: reported, not gated)' if weak else ''}")
    summary = (f"{number(len(pairs))} {unit}: {number(tally.agree)} agree, "
               f"{number(tally.disagree_count)} disagree, {number(tally.rejected_by_both)} "
               "rejected by both")
    if tally.incomparable:
        summary += f", {number(tally.incomparable)} not ordered by the reference (not checked)"
    if tally.excused:
        summary += f", {number(tally.excused)} excused by exceptions.txt"
    print(summary)
    if tally.not_implemented:
        print(f"note: assay answered 'not implemented' for {number(tally.not_implemented)} lines")
    for e in exceptions:
        print(f"exceptions.txt:{e.line} ({e.kind}) used {e.used} times"
              + ("  <- stale: nothing matched it; remove it?" if not e.used else ""))

    if tally.disagree_count:
        report = work / "disagreements.txt"
        with open(report, "w", encoding="utf-8") as out:
            for kind, items in tally.disagreements.items():
                out.write(f"## {kind} ({len(items)})\n" + "".join(i + "\n" for i in items))
        per_kind = max(3, args.show // max(1, len(tally.disagreements)))
        for kind, items in tally.disagreements.items():
            print(f"\n{kind}: {number(len(items))}")
            for item in items[:per_kind]:
                print(f"  {item}")
            if len(items) > per_kind:
                print(f"  ... {number(len(items) - per_kind)} more")
        print(f"\nall disagreements: {report}")
        print(f"inputs: {work / 'assay.in'} (pipe to `assay version {mode} "
              f"'{config.ecosystem}' --batch`)")
    print("time: " + ", ".join(timings))
    if tally.disagree_count and not weak:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
