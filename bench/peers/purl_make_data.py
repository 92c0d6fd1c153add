#!/usr/bin/env python3
# Writes bench/data/purls.txt: 1000 synthetic but realistic package URLs, mixed the way an SBOM of
# a typical service mixes them (npm with scopes, Maven with qualifiers, PyPI, Go modules with
# subpaths, Debian and RPM with distro qualifiers, Cargo, RubyGems, NuGet, OCI/Docker digests,
# GitHub, Composer, generic with checksums). Deterministic (fixed seed); names are made up.
# Run from the repository root: python3 bench/peers/purl_make_data.py > bench/data/purls.txt
import random

rng = random.Random(20261123)
SYLLABLES = ["ab", "ar", "bo", "cal", "co", "da", "el", "fi", "gra", "ho", "in", "jo", "ka",
             "lu", "ma", "ne", "ox", "pi", "qua", "ra", "sol", "ta", "ul", "ve", "wi", "xe",
             "yo", "ze", "core", "util", "http", "json", "log", "test", "net", "io", "fs"]


def word(parts=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def semver():
    v = f"{rng.randint(0, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 40)}"
    if rng.random() < 0.1:
        v += rng.choice(["-beta.1", "-rc.2", "-alpha", "+build.5"])
    return v


def hexstr(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def enc(text):
    out = []
    for ch in text:
        if ch.isalnum() or ch in ".-_~:":
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode()))
    return "".join(out)


def npm():
    name = "-".join(word() for _ in range(rng.randint(1, 3)))
    version = semver().replace("+", "%2B")
    if rng.random() < 0.45:
        return f"pkg:npm/%40{word()}/{name}@{version}"
    return f"pkg:npm/{name}@{version}"


def maven():
    group = ".".join(["org", "com", "io", "net"][rng.randint(0, 3)] if i == 0 else word()
                     for i in range(rng.randint(2, 4)))
    artifact = "-".join(word() for _ in range(rng.randint(1, 3)))
    version = semver().split("-")[0].split("+")[0] + rng.choice(["", "", "", ".Final", "-SNAPSHOT"])
    qualifiers = []
    if rng.random() < 0.3:
        qualifiers.append("classifier=" + rng.choice(["sources", "javadoc", "tests", "linux-x86_64"]))
    if rng.random() < 0.3:
        qualifiers.append("type=" + rng.choice(["jar", "pom", "war", "zip"]))
    if rng.random() < 0.1:
        qualifiers.append("repository_url=" + enc("https://repo." + word() + ".org/maven2"))
    tail = "?" + "&".join(sorted(qualifiers)) if qualifiers else ""
    return f"pkg:maven/{group}/{artifact}@{version}{tail}"


def pypi():
    name = "-".join(word() for _ in range(rng.randint(1, 2)))
    version = f"{rng.randint(0, 5)}.{rng.randint(0, 30)}" + rng.choice(
        ["", ".0", ".1", "rc1", ".post1", ".dev3", "b2"])
    if rng.random() < 0.1:
        return f"pkg:pypi/{name}@{version}?file_name={name.replace('-', '_')}-{version}-py3-none-any.whl"
    return f"pkg:pypi/{name}@{version}"


def golang():
    host = rng.choice(["github.com/" + word(), "golang.org/x", "google.golang.org", "go.uber.org",
                       "gopkg.in", "k8s.io"])
    module = word()
    version = "v" + semver().split("+")[0]
    if rng.random() < 0.2:
        version = f"v0.0.0-2024{rng.randint(1, 12):02d}{rng.randint(10, 28)}{rng.randint(100000, 235959)}-{hexstr(12)}"
    tail = f"#{word()}/{word()}" if rng.random() < 0.15 else ""
    return f"pkg:golang/{host}/{module}@{version}{tail}"


def deb():
    distro = rng.choice(["debian-12", "debian-11", "ubuntu-22.04", "ubuntu-24.04"])
    vendor = "ubuntu" if distro.startswith("ubuntu") else "debian"
    name = rng.choice(["lib", "", "python3-", ""]) + word()
    version = f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}-{rng.randint(1, 9)}"
    if rng.random() < 0.3:
        version = f"{rng.randint(1, 3)}:{version}"
    if rng.random() < 0.3:
        version += f"%2Bdeb{rng.randint(10, 12)}u{rng.randint(1, 5)}"
    arch = rng.choice(["amd64", "arm64", "all", "i386"])
    return f"pkg:deb/{vendor}/{name}@{version}?arch={arch}&distro={distro}"


def rpm():
    name = word() + rng.choice(["", "-libs", "-devel", "-common"])
    version = f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}-{rng.randint(1, 30)}.el9"
    epoch = f"&epoch={rng.randint(1, 3)}" if rng.random() < 0.3 else ""
    return f"pkg:rpm/redhat/{name}@{version}?arch={rng.choice(['x86_64', 'aarch64', 'noarch'])}&distro=rhel-9{epoch}"


def simple(kind):
    return f"pkg:{kind}/{'-'.join(word() for _ in range(rng.randint(1, 2)))}@{semver()}".replace("+", "%2B")


def nuget():
    return f"pkg:nuget/{word().capitalize()}.{word().capitalize()}@{semver().split('+')[0]}"


def oci():
    name = word()
    if rng.random() < 0.5:
        return (f"pkg:oci/{name}@sha256%3A{hexstr(64)}?arch=amd64&repository_url="
                + enc(f"ghcr.io/{word()}/{name}") + "&tag=v" + semver().split("+")[0])
    return f"pkg:docker/{word()}/{name}@sha256:{hexstr(64)}?repository_url=docker.io"


def github():
    return f"pkg:github/{word()}/{word()}-{word()}@{hexstr(40)}"


def composer():
    return f"pkg:composer/{word()}/{word()}@{semver().split('+')[0]}"


def generic():
    name = word()
    version = semver().split("+")[0]
    url = enc(f"https://downloads.{word()}.org/{name}-{version}.tar.gz")
    return f"pkg:generic/{name}@{version}?checksum=sha256:{hexstr(64)}&download_url={url}"


MIX = [(npm, 250), (maven, 160), (pypi, 130), (golang, 110), (deb, 90), (rpm, 50),
       (lambda: simple("cargo"), 50), (lambda: simple("gem"), 40), (nuget, 30), (oci, 30),
       (github, 20), (composer, 20), (generic, 20)]
lines = [make() for make, count in MIX for _ in range(count)]
rng.shuffle(lines)
assert len(lines) == 1000
print("\n".join(lines))
