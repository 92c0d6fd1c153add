# Deterministic generators of version pairs and (range, version) pairs for the differential tests:
# random versions in each scheme's grammar, respellings of one version (near-equal pairs), close
# neighbours, hand-picked edge cases and adversarial mutations (whitespace, case, unicode, huge
# numbers, empty segments). Same seed, same output, on every machine.
"""Generators for tests/differential (see README.md there)."""

from __future__ import annotations

import random
import re
from typing import Callable, Iterable, List, Sequence, Tuple

Pair = Tuple[str, str]

# Integers at the edges of common machine types and of JavaScript's exact range.
BOUNDARY_NUMBERS = [
    "2147483647", "2147483648", "4294967295", "4294967296", "9007199254740991",
    "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808",
    "18446744073709551615", "18446744073709551616", "99999999999999999999",
    "340282366920938463463374607431768211456",
]

# Characters a version line may contain. Excluded on purpose: '\t' and '\n' (the batch format's
# separators), '\r' (stripped by line readers), NUL (C strings) and invalid UTF-8 (a fuzzing
# matter, not a semantics one).
WHITESPACE = [" ", "  ", "\u00a0", "\u3000", "\x0b", "\x0c", "\u2028", "\x85", "\x1c", "\u200b",
              "\ufeff"]
UNICODE_DIGITS = {  # digit -> look-alikes that some libraries accept as digits
    d: [chr(0xFF10 + d), chr(0x0660 + d), chr(0x0966 + d), chr(0x1D7CE + d)] for d in range(10)
}
UNICODE_LETTERS = {  # ASCII letter -> characters that case-fold or normalise onto it
    "k": ["\u212a"], "s": ["\u017f"], "i": ["\u0130", "\u0131"], "a": ["\uff41", "\u00e0"],
    "e": ["\u00e9", "\uff45"], "b": ["\uff42"], "r": ["\uff52"], "c": ["\u0441"],  # Cyrillic es
    "p": ["\u0440"], "o": ["\u043e"], "t": ["\uff54"], "v": ["\u0475"], "l": ["\u217c"],
}
ODD_CHARS = list("!#$%&*+,-./:;<=>?@[]^_`{|}~xXvVeE") + ["\u00e9", "\U0001f600", "\u0301",
                                                       "\x01", "\x7f", "'", '"', "\\"]


class Rand:
    """A seeded random source with the few helpers the generators share."""

    def __init__(self, seed: str) -> None:
        self.r = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def pick(self, items: Sequence):
        return items[self.r.randrange(len(items))]

    def weighted(self, table: Sequence[Tuple[float, Callable[[], str]]]) -> str:
        total = sum(w for w, _ in table)
        x = self.r.random() * total
        for w, f in table:
            x -= w
            if x <= 0:
                return f()
        return table[-1][1]()

    def int(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def number(self) -> str:
        """A version number: mostly small, sometimes padded, huge or at a type boundary."""
        return self.weighted([
            (50, lambda: str(self.int(0, 9))),
            (15, lambda: str(self.int(10, 99))),
            (8, lambda: "0" * self.int(1, 3) + str(self.int(0, 99))),
            (8, lambda: str(self.int(100, 99999))),
            (5, lambda: str(self.int(1, 9)) + "".join(str(self.int(0, 9))
                                                     for _ in range(self.int(19, 40)))),
            (5, lambda: self.pick(BOUNDARY_NUMBERS)),
            (4, lambda: str(self.int(2000, 2030)) + "%02d%02d" % (self.int(1, 12),
                                                                  self.int(1, 28))),
        ])

    def small(self) -> str:
        return str(self.int(0, 12)) if self.chance(0.85) else self.number()

    def unpadded(self) -> str:
        """Like small(), but never with leading zeros (which strict SemVer rejects)."""
        return str(self.int(0, 12)) if self.chance(0.85) else str(int(self.number()))

    def op(self, good: Sequence[str], bad: Sequence[str], p_bad: float = 0.05) -> str:
        """An operator: usually one the syntax knows, sometimes one it does not."""
        return self.pick(bad) if bad and self.chance(p_bad) else self.pick(good)


# ---- string transforms shared by every scheme ---------------------------------------------------

NUMBER_RE = re.compile(r"\d+")


def numbers_in(text: str) -> List[re.Match]:
    return list(NUMBER_RE.finditer(text))


def replace_span(text: str, m: re.Match, new: str) -> str:
    return text[:m.start()] + new + text[m.end():]


def bump_number(rnd: Rand, text: str) -> str:
    """Changes one number by a little (the pair then differs at that component)."""
    ms = numbers_in(text)
    if not ms:
        return text + "1"
    m = rnd.pick(ms)
    value = int(m.group())
    delta = rnd.pick([1, 1, 1, -1, 2, 10])
    return replace_span(text, m, str(max(0, value + delta)))


def pad_one_number(rnd: Rand, text: str) -> str:
    ms = numbers_in(text)
    if not ms:
        return text
    m = rnd.pick(ms)
    return replace_span(text, m, "0" * rnd.int(1, 2) + m.group())


def huge_number(rnd: Rand, text: str) -> str:
    ms = numbers_in(text)
    if not ms:
        return text
    return replace_span(text, rnd.pick(ms), rnd.pick(BOUNDARY_NUMBERS))


def change_case(rnd: Rand, text: str) -> str:
    return rnd.pick([text.upper(), text.swapcase(), text.title(), text.lower()])


def unicode_digit(rnd: Rand, text: str) -> str:
    ms = [m for m in re.finditer(r"\d", text)]
    if not ms:
        return text + rnd.pick(UNICODE_DIGITS[1])
    m = rnd.pick(ms)
    return replace_span(text, m, rnd.pick(UNICODE_DIGITS[int(m.group())]))


def unicode_letter(rnd: Rand, text: str) -> str:
    spots = [i for i, c in enumerate(text) if c.lower() in UNICODE_LETTERS]
    if not spots:
        return text + rnd.pick(["\u00e9", "\u212a", "\u017f", "\u0301", "\U0001f600"])
    i = rnd.pick(spots)
    return text[:i] + rnd.pick(UNICODE_LETTERS[text[i].lower()]) + text[i + 1:]


def whitespace(rnd: Rand, text: str) -> str:
    ws = rnd.pick(WHITESPACE)
    where = rnd.int(0, 3)
    if where == 0:
        return ws + text
    if where == 1:
        return text + ws
    if where == 2:
        return ws + text + ws
    i = rnd.int(0, len(text))
    return text[:i] + ws + text[i:]


def odd_char(rnd: Rand, text: str) -> str:
    i = rnd.int(0, len(text))
    return text[:i] + rnd.pick(ODD_CHARS) + text[i:]


def separators(rnd: Rand, text: str, seps: str) -> str:
    """Doubles, drops, moves or swaps one separator: empty segments and stray separators."""
    spots = [i for i, c in enumerate(text) if c in seps]
    choice = rnd.int(0, 4)
    if choice == 0 or not spots:
        return text + rnd.pick(seps)
    if choice == 1:
        return rnd.pick(seps) + text
    i = rnd.pick(spots)
    if choice == 2:
        return text[:i] + text[i] + text[i:]
    if choice == 3:
        return text[:i] + rnd.pick(seps) + text[i + 1:]
    return text[:i] + text[i + 1:]


def truncate(rnd: Rand, text: str) -> str:
    if not text:
        return text
    return text[:rnd.int(0, len(text) - 1)]


def mutate(rnd: Rand, text: str, seps: str) -> str:
    """One or two adversarial edits."""
    edits: List[Callable[[str], str]] = [
        lambda t: whitespace(rnd, t), lambda t: whitespace(rnd, t),
        lambda t: change_case(rnd, t), lambda t: unicode_digit(rnd, t),
        lambda t: unicode_letter(rnd, t), lambda t: separators(rnd, t, seps),
        lambda t: separators(rnd, t, seps), lambda t: odd_char(rnd, t),
        lambda t: odd_char(rnd, t), lambda t: pad_one_number(rnd, t),
        lambda t: huge_number(rnd, t), lambda t: truncate(rnd, t), lambda t: t + t,
    ]
    for _ in range(1 if rnd.chance(0.7) else 2):
        text = rnd.pick(edits)(text)
    return text


def clean(text: str) -> str:
    """Removes what a batch line cannot carry (see the note on WHITESPACE)."""
    return "".join(c for c in text if c not in "\t\n\r\x00")


# ---- schemes --------------------------------------------------------------------------------------


class SchemeGen:
    """Base class: subclasses give base(), respell(), neighbour() and the edge-case lists."""

    seps = ".-"
    edges: List[str] = []
    edge_pairs: List[Pair] = []

    def __init__(self, rnd: Rand) -> None:
        self.rnd = rnd

    def base(self) -> str:
        raise NotImplementedError

    def respell(self, v: str) -> str:
        """A spelling that may well be the same version."""
        return v

    def neighbour(self, v: str) -> str:
        """A version close to v but probably not equal."""
        return bump_number(self.rnd, v)

    def mutate(self, v: str) -> str:
        return mutate(self.rnd, v, self.seps)

    def pair(self) -> Pair:
        rnd = self.rnd
        a = self.base()
        kind = rnd.r.random()
        if kind < 0.25:
            b = self.respell(a)
            if rnd.chance(0.5):
                a = self.respell(a)
        elif kind < 0.55:
            b = self.neighbour(a)
            if rnd.chance(0.3):
                b = self.respell(b)
        elif kind < 0.68:
            b = self.base()
        elif kind < 0.88:
            a = self.mutate(a)
            b = rnd.pick([lambda: self.respell(a), lambda: self.base(),
                          lambda: self.mutate(self.base())])()
        else:
            a = rnd.pick(self.edges) if self.edges else self.mutate(a)
            b = rnd.pick([lambda: self.respell(a), lambda: self.neighbour(a), lambda: self.base(),
                          lambda: rnd.pick(self.edges) if self.edges else a])()
        if rnd.chance(0.5):
            a, b = b, a
        return clean(a), clean(b)

    # Ranges: subclasses with a native range syntax override range_pair().
    has_ranges = False

    def range_pair(self) -> Pair:
        raise NotImplementedError


class SemverGen(SchemeGen):
    """SemVer 2.0.0 shapes, shared by npm, Cargo and Go (which differ in prefix and leniency)."""

    seps = ".-+"
    prefix = ""
    pre_words = ["alpha", "beta", "rc", "pre", "dev", "a", "b", "x", "SNAPSHOT", "alpha-1", "-",
                 "0", "1", "2", "10", "01", "0a", "a0", "beta2", "RC", "z-", "--"]
    build_words = ["build", "001", "sha", "5114f85", "exp", "20130313144700", "a-b", "0", "x"]

    def core(self) -> str:
        return ".".join([self.rnd.unpadded(), self.rnd.unpadded(), self.rnd.unpadded()])

    def pre(self) -> str:
        ids = [self.rnd.pick(self.pre_words) if self.rnd.chance(0.6) else self.rnd.unpadded()
               for _ in range(self.rnd.int(1, 3))]
        return "-" + ".".join(ids)

    def build(self) -> str:
        return "+" + ".".join(self.rnd.pick(self.build_words) for _ in range(self.rnd.int(1, 2)))

    def plain(self) -> str:
        v = self.core()
        if self.rnd.chance(0.35):
            v += self.pre()
        if self.rnd.chance(0.15):
            v += self.build()
        return v

    def base(self) -> str:
        return self.prefix + self.plain()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        m = re.match(r"^(v?)(\d+\.\d+\.\d+)(-[^+]*)?(\+.*)?$", v)
        if not m:
            return bump_number(rnd, v)
        prefix, core, pre, build = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        choice = rnd.int(0, 6)
        if choice == 0:
            core = bump_number(rnd, core)
        elif choice == 1:
            pre = "" if pre else self.pre()
        elif choice == 2 and pre:
            pre = pre + "." + rnd.pick(["0", "1", "a", "alpha"])
        elif choice == 3 and pre:
            pre = bump_number(rnd, pre) if numbers_in(pre) else pre[:-1] or "-0"
        elif choice == 4:
            build = self.build() if not build else ""
        elif choice == 5 and pre:
            pre = "-" + rnd.pick(self.pre_words)
        else:
            core = bump_number(rnd, core)
            pre = rnd.pick(["", self.pre()])
        return prefix + core + pre + build


class NpmGen(SemverGen):
    edges = ["1.2.3", "v1.2.3", "V1.2.3", "=1.2.3", "v=1.2.3", " 1.2.3 ", "1.2", "1", "1.2.3.4",
             "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-0", "1.2.3-", "1.2.3+",
             "1.2.3-a..b", "1.2.3-alpha_1", "1.2.3-\u03b1", "1.2.3+build.01", "1.2.3-0a",
             "9007199254740991.0.0", "9007199254740992.0.0", "1.2.3-9007199254740992",
             "1.2.3-9007199254740993", "1.2.3-99999999999999999999",
             "1.2.3-99999999999999999998", "0.0.0", "1.2.3-" + "a" * 300, "1.2.x", "*", "",
             "1.2.3 -alpha", "1.2.3-alpha+", "1.2.3++", "1.2.3-+", "1.2.3-a.-", "1.2.3-SNAPSHOT",
             "1.2.3-alpha", "1.2.3-ALPHA", "1.2.3-Alpha", "1.2.3-beta", "\u0661.2.3",
             "1.2.3\u00a0", "\ufeff1.2.3", "1.2.3-rc.1+build.5", "1.2.3-x.7.z.92"]

    def respell(self, v: str) -> str:
        rnd = self.rnd
        choice = rnd.int(0, 5)
        if choice == 0:
            return "v" + v if not v.startswith("v") else v[1:]
        if choice == 1:
            return rnd.pick([" ", "  "]) + v + rnd.pick(["", " "])
        if choice == 2:
            return re.sub(r"\+.*$", "", v) + self.build()
        if choice == 3:
            return re.sub(r"\+.*$", "", v)
        if choice == 4:
            return rnd.pick(["=", "v", "V", "=v", "v "]) + v
        return change_case(rnd, v)

    has_ranges = True

    def comparator(self) -> str:
        rnd = self.rnd
        v = self.base()
        if rnd.chance(0.2):  # partial versions and X-ranges
            parts = v.split("-")[0].split(".")
            n = rnd.int(1, 3)
            parts = parts[:n] + [rnd.pick(["x", "X", "*"]) for _ in range(rnd.int(0, 3 - n))]
            v = ".".join(parts)
        op = rnd.op(["", "", "=", "<", "<=", ">", ">=", "^", "^", "~", "~", "~>", "v", ">= ",
                     "< ", "^ "], ["==", "=>", "!=", "~=", "^^"])
        return op + v

    def range_text(self) -> str:
        rnd = self.rnd
        kind = rnd.int(0, 9)
        if kind == 0:
            return rnd.pick(["*", "", "x", "X", " ", "latest", "1.x || >=2.5.0 || 5.0.0 - 7.2.3",
                             "^0.0.1", "~0", "^0", "0.x", ">=0.0.0", "<0.0.0-0", "1 - 2",
                             "||", "1.2.3 ||", ">1 <", "^1.2.3-beta.2", "~1.2.3-beta.2"])
        if kind == 1:
            return self.base() + rnd.pick([" - ", " -", "- ", "  -  "]) + self.base()
        sets = []
        for _ in range(1 if rnd.chance(0.7) else rnd.int(2, 3)):
            sets.append(" ".join(self.comparator() for _ in range(rnd.int(1, 2))))
        return rnd.pick([" || ", "||", " ||  "]).join(sets)

    def version_near(self, rng_text: str) -> str:
        found = re.findall(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?", rng_text)
        if found and self.rnd.chance(0.8):
            v = self.rnd.pick(found)
            return self.rnd.pick([lambda: v, lambda: self.neighbour(v),
                                  lambda: re.sub(r"-.*$", "", v) + self.pre()])()
        return self.base()

    def range_pair(self) -> Pair:
        r = self.range_text()
        v = self.version_near(r)
        if self.rnd.chance(0.1):
            r = self.mutate(r) if self.rnd.chance(0.5) else r
            v = self.mutate(v) if self.rnd.chance(0.5) else v
        return clean(r), clean(v)


class CargoGen(NpmGen):
    edges = ["1.2.3", "v1.2.3", " 1.2.3", "1.2.3 ", "1.2", "1", "01.2.3", "1.2.3-01",
             "1.2.3-0", "1.2.3-", "1.2.3+", "1.2.3+01", "1.2.3+build.01", "1.2.3-a..b",
             "18446744073709551615.0.0", "18446744073709551616.0.0",
             "1.2.3-18446744073709551616", "1.2.3-alpha.18446744073709551615", "0.0.0",
             "1.2.3-\u03b1", "1.2.3-alpha-1", "1.2.3+a+b", "1.2.3-ALPHA", "1.2.3-alpha",
             "1.2.3-a.b.c.d.e.f", "\u0661.2.3", "=1.2.3", ""]

    def respell(self, v: str) -> str:
        rnd = self.rnd
        choice = rnd.int(0, 3)
        if choice == 0:
            return re.sub(r"\+.*$", "", v) + self.build()
        if choice == 1:
            return re.sub(r"\+.*$", "", v)
        if choice == 2:
            return pad_one_number(rnd, v)
        return change_case(rnd, v)

    def comparator(self) -> str:
        rnd = self.rnd
        v = re.sub(r"\+.*$", "", self.base())
        if rnd.chance(0.25):
            parts = v.split("-")[0].split(".")
            n = rnd.int(1, 3)
            parts = parts[:n] + [rnd.pick(["x", "X", "*"]) for _ in range(rnd.int(0, 3 - n))]
            v = ".".join(parts)
        return rnd.op(["", "", "=", "<", "<=", ">", ">=", "^", "^", "~", "~", ">= ", "^ "],
                      ["==", "~>", "=>", "!="]) + v

    def range_text(self) -> str:
        rnd = self.rnd
        if rnd.chance(0.1):
            return rnd.pick(["*", "", " ", "1.*", "1.*.*", "^0.0", "^0", "~0", "~1", ">=1, <2",
                             ">=1,<2", ">= 1 , < 2", "1 || 2", "1 2", ",", ">=1,", "^1.2.3-beta",
                             "=1.2.3-alpha.1", "*, >=1.0"])
        return rnd.pick([", ", ",", " , "]).join(self.comparator()
                                                for _ in range(rnd.int(1, 3)))


class GoGen(SemverGen):
    prefix = "v"
    edges = ["v1.2.3", "1.2.3", "V1.2.3", "v1", "v1.2", "v1.2.3.4", "v01.2.3", "v1.02.3",
             "v1.2.3-01", "v1.2.3-0", "v1.2.3-", "v1.2.3+", "v1.2-pre", "v1-pre", "v1+meta",
             "v2.0.0+incompatible", "v2.0.0+INCOMPATIBLE", "v0.0.0-20191109021931-daa7c04131f5",
             "v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3-pre.0.20191109021931-daa7c04131f5",
             "v0.0.0-00010101000000-000000000000", "v99999999999999999999.0.0",
             "v18446744073709551616.0.0", " v1.2.3", "v1.2.3 ", "v", "", "v1.2.3-\u03b1",
             "v\u0661.2.3", "v1.2.3-a..b", "v1.2.3+build.01", "go1.20", "v0.0.0"]

    def plain(self) -> str:
        rnd = self.rnd
        if rnd.chance(0.12):  # pseudo-versions
            stamp = "%04d%02d%02d%02d%02d%02d" % (rnd.int(2018, 2025), rnd.int(1, 12),
                                                  rnd.int(1, 28), rnd.int(0, 23), rnd.int(0, 59),
                                                  rnd.int(0, 59))
            rev = "".join(rnd.pick("0123456789abcdef") for _ in range(12))
            return rnd.pick([
                "0.0.0-%s-%s" % (stamp, rev),
                "%s.%s.%d-0.%s-%s" % (rnd.small(), rnd.small(), rnd.int(1, 9), stamp, rev),
                "%s.%s.%s-pre.0.%s-%s" % (rnd.small(), rnd.small(), rnd.small(), stamp, rev),
            ])
        if rnd.chance(0.1):
            return rnd.pick([rnd.small(), rnd.small() + "." + rnd.small()])
        v = super().plain()
        if rnd.chance(0.08):
            v = re.sub(r"\+.*$", "", v) + "+incompatible"
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        choice = rnd.int(0, 4)
        if choice == 0:
            return re.sub(r"\+.*$", "", v) + self.build()
        if choice == 1:  # shorthand: v1 and v1.0.0 are the same version
            return re.sub(r"^v(\d+)\.0\.0$", r"v\1", re.sub(r"^v(\d+\.\d+)\.0$", r"v\1", v))
        if choice == 2:
            m = re.match(r"^v(\d+)(\.\d+)?$", v)
            return v + (".0" * (3 - v.count(".") - 1)) if m else re.sub(r"\+.*$", "", v) + (
                "+incompatible")
        if choice == 3 and rnd.chance(0.5):
            return v[1:] if v.startswith("v") else "v" + v
        if choice == 3:
            return v.replace("-", "-0.", 1) if "-" in v else v + "+build"
        return change_case(rnd, v)


class Pep440Gen(SchemeGen):
    seps = ".-_+!"
    edges = ["1.0", "1.0.0", "v1.0", "V1.0", " 1.0 ", "1.0\u3000", "\u00a01.0", "1.0\x0b",
             "1.0\x1c", "1.0\x85", "0!1.0", "1!1.0", "01!1.0", "1.0a", "1.0a0", "1.0alpha",
             "1.0.alpha.0", "1.0-ALPHA-0", "1.0_a_0", "1.0A", "1.0c1", "1.0rc1", "1.0pre1",
             "1.0preview1", "1.0b1", "1.0beta1", "1.0.post", "1.0.post0", "1.0-0", "1.0-1",
             "1.0post1", "1.0.r1", "1.0rev1", "1.0-r1", "1.0.dev", "1.0.dev0", "1.0dev0",
             "1.0-dev0", "1.0a1.dev1", "1.0a1.post1.dev1", "1.0.post1.dev1", "1.0+local",
             "1.0+LOCAL", "1.0+local.1", "1.0+local-1", "1.0+local_1", "1.0+1", "1.0+01",
             "1.0+1.a", "1.0+a.1", "1.0+", "1.0+.a", "1.0+a..b", "1.0+a_", "1", "01", "0",
             "1.0.0.0.0.0.0", "1..0", "1.0.", ".1.0", "1.0-", "1.0a1b1", "1.0.a1.b1",
             "1.0a-1", "1.0a.1", "1.0a_1", "1.0-a1", "1.0_a1", "1.0.a1", "1.0a1-1",
             "1.0.post1-1", "1.0-1-1", "1!", "!1.0", "1.0!", "1.0+\u00e9", "1.0p\u017fst1",
             "1.0\u0430", "\u0661.0", "1.0\u212a", "1.0.dev1+local", "1.0a1+local",
             "1.0" + "0" * 30, "1." + "9" * 40, "v", "", "1.0-post1", "1.0-post-1",
             "1.0_post_1", "1.0.POST1", "1.0-1.dev0", "1.0rc", "1.0rc0", "1.0r", "1.0-r",
             "1.0--1", "1.0.-1"]

    def base(self) -> str:
        rnd = self.rnd
        v = ""
        if rnd.chance(0.08):
            v += rnd.small() + "!"
        v += ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 2, 3, 3, 3, 4])))
        if rnd.chance(0.3):
            v += rnd.pick(["a", "b", "rc", "c", "alpha", "beta", "pre", "preview"]) + (
                rnd.small() if rnd.chance(0.85) else "")
        if rnd.chance(0.15):
            v += rnd.pick([".post", "post", "-post", ".rev", ".r"]) + (
                rnd.small() if rnd.chance(0.85) else "")
        if rnd.chance(0.15):
            v += ".dev" + (rnd.small() if rnd.chance(0.85) else "")
        if rnd.chance(0.1):
            v += "+" + ".".join(rnd.pick(["ubuntu", "1", "abc", "0", "local", "cu118", "g1234",
                                          "B", "01"]) for _ in range(rnd.int(1, 3)))
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        choice = rnd.int(0, 9)
        if choice == 0:
            return rnd.pick(["v", "V"]) + v
        if choice == 1:
            return change_case(rnd, v)
        if choice == 2:  # trailing zeros are insignificant
            return re.sub(r"^((?:\d+!)?\d+(?:\.\d+)*)", lambda m: m.group(1) + ".0" * rnd.int(1, 2),
                          v, count=1)
        if choice == 3:
            return re.sub(r"^(\d+)(?!\d*!)", lambda m: "0" + m.group(1), v, count=1)
        if choice == 4:
            return v if "!" in v else "0!" + v
        if choice == 5:  # spelling of pre-release letters
            subs = [("alpha", "a"), ("beta", "b"), ("rc", "c"), ("rc", "pre"), ("c", "preview"),
                    ("a", "alpha"), ("b", "beta")]
            old, new = rnd.pick(subs)
            return re.sub(r"(?<=\d)" + old + r"(?=\d|$|\.|\+)", new, v, count=1)
        if choice == 6:  # separators before and inside a pre/post/dev label
            return re.sub(r"(?<=\d)(a|b|rc|c|alpha|beta|pre|preview|post|dev)(\d*)",
                          lambda m: rnd.pick(["", ".", "-", "_"]) + m.group(1) +
                          rnd.pick(["", ".", "-", "_"]) + m.group(2), v, count=1)
        if choice == 7:  # implicit 0 and post spellings
            w = re.sub(r"(a|b|rc|dev|post)0(?!\d)", r"\1", v, count=1)
            w = re.sub(r"\.post(\d+)", lambda m: rnd.pick(["-", ".post", ".rev", ".r", "-post"]) +
                       m.group(1), w, count=1)
            return w
        if choice == 8:  # local separators and case
            return re.sub(r"\+(.*)$", lambda m: "+" + re.sub(r"[._-]", lambda _: rnd.pick(
                ".-_"), m.group(1)).upper(), v)
        return rnd.pick([" ", "  ", "\u00a0"]) + v + rnd.pick(["", " "])

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: v + rnd.pick(["a1", "b1", "rc1", ".dev0", ".post0", ".post1", "+local", ".0",
                                  ".1", "a0", ".dev1", "-1"]),
            lambda: re.sub(r"(\.dev\d*|\+.*|\.post\d*|(?:a|b|rc)\d*)$", "", v),
            lambda: re.sub(r"\+.*$", "", v) + "+" + rnd.pick(["1", "a", "1.a", "a.1", "0"]),
            lambda: "1!" + v if "!" not in v else v.split("!", 1)[1],
        ])()

    has_ranges = True

    def spec(self) -> str:
        rnd = self.rnd
        op = rnd.op(["==", "!=", "<", "<=", ">", ">=", "~=", "~=", "===", "== ", ">= ", "<"],
                    ["=", "=>", "~", ""])
        v = self.base()
        if op.strip() in ("==", "!=") and rnd.chance(0.35):
            v = re.sub(r"[^0-9.!].*$", "", v).rstrip(".") + ".*"
        if op == "~=" and rnd.chance(0.7) and "." not in v:
            v += "." + rnd.small()
        return op + v

    def range_pair(self) -> Pair:
        rnd = self.rnd
        if rnd.chance(0.05):
            r = rnd.pick(["", " ", ",", ">=1.0,", ",>=1.0", ">=1.0,,<2", "~=1", "==1.*.1",
                          "<1.0.*", ">=1.0+local", "==1.0+local", "!=1.0+local", "===1.0",
                          "===foo", ">=1.0 <2", ">=1.0;<2", "== 1.0.*"])
        else:
            r = rnd.pick([",", ", ", " , "]).join(self.spec() for _ in range(rnd.int(1, 3)))
        found = re.findall(r"\d+(?:\.\d+)*", r)
        if found and rnd.chance(0.85):
            v = rnd.pick(found)
            v = rnd.pick([lambda: v, lambda: self.neighbour(v), lambda: v + rnd.pick(
                ["a1", ".dev0", ".post1", "+local", "rc1", ".0", ".1.dev0"])])()
        else:
            v = self.base()
        if rnd.chance(0.08):
            v = self.mutate(v)
        return clean(r), clean(v)


class MavenGen(SchemeGen):
    seps = ".-"
    qualifiers = ["alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot",
                  "SNAPSHOT", "ga", "final", "release", "sp", "Final", "GA", "RELEASE", "RC",
                  "Alpha", "jre", "android", "foo", "M", "CR", "SP", "", "pre", "dev", "x"]
    edges = ["1", "1.0", "1.0.0", "1-0", "1.0-0", "1.0.0.0.0", "1-SNAPSHOT", "1.0-SNAPSHOT",
             "1.0-snapshot", "1.0-ga", "1.0-final", "1.0-release", "1.0.GA", "1.0-sp",
             "1.0-sp1", "1.0-a1", "1.0a1", "1.0-alpha1", "1.0-alpha-1", "1.0-ALPHA1",
             "1.0alpha1", "1.0-b1", "1.0-m1", "1.0-rc1", "1.0-cr1", "1.0-RC1", "1.0-1",
             "1.0.1", "1.0-foo", "1.0.foo", "1.0foo", "1-a", "1-a1", "1a", "a", "A", "", ".",
             "-", "..", "1..0", "1--0", "1.", "1-", ".1", "-1", "1.0.", "1.0-", "01", "001.0",
             "1.01", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
             "99999999999999999999", "1.0-2147483648", "\u0661", "\u0661.\u0660", "1.\u0660",
             "\uff11.0", "1.0-\u00e9", "1.0-\u0130", "1.0-\u212a", "1.0 ", " 1.0", "1 0",
             "1.0-jre", "1.0-android", "1.0.0-M1", "1.0.0.Final", "1.0.0.RELEASE",
             "1.0.0-SNAPSHOT", "1.0-alpha-1-SNAPSHOT", "1.0.0.v20130416", "1.0-20130416.123456-1",
             "1.0-a", "1.0-alpha", "1.0-m", "1-1.0", "1-0.1", "1.0.0-0", "1.0.0-0.0",
             "1.0.0-ga-1", "1.0-sp-1", "0", "0.0", "0-0", "1-ga", "1-final-1", "1-1-1"]

    def base(self) -> str:
        rnd = self.rnd
        v = ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 3, 3, 3, 4])))
        for _ in range(rnd.pick([0, 0, 1, 1, 2])):
            q = rnd.pick(self.qualifiers)
            v += rnd.pick(["-", "-", ".", ""]) + q
            if rnd.chance(0.5):
                v += rnd.pick(["", "", "-", "."]) + rnd.small()
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: v + rnd.pick([".0", ".0.0", "-0", "-ga", "-final", "-release", ".GA", "-"]),
            lambda: re.sub(r"([.-]0)+(?=$|-)", "", v),
            lambda: change_case(rnd, v),
            lambda: re.sub(r"(?<=[a-zA-Z])(?=\d)|(?<=\d)(?=[a-zA-Z])",
                           lambda _: rnd.pick(["", "-", "."]), v),
            lambda: v.replace(rnd.pick([".", "-"]), rnd.pick([".", "-"]), 1),
            lambda: pad_one_number(rnd, v),
            lambda: re.sub(r"\b(alpha|beta|milestone)\b",
                           lambda m: {"alpha": "a", "beta": "b", "milestone": "m"}[m.group(1)],
                           re.sub(r"(?<=[.-])(a|b|m)(?=\d)", lambda m: {
                               "a": "alpha", "b": "beta", "m": "milestone"}[m.group(1)], v)),
            lambda: unicode_digit(rnd, v),
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: v + rnd.pick(["-SNAPSHOT", "-alpha", "-beta-1", "-rc1", ".1", "-1", "-sp",
                                  "-sp1", "-foo", "a", "-m1", "-0.1", ".0.1"]),
            lambda: re.sub(r"[.-][^.-]*$", "", v) or v,
        ])()

    has_ranges = True

    def range_pair(self) -> Pair:
        rnd = self.rnd
        lo, hi = self.base(), self.base()
        kind = rnd.int(0, 9)
        if kind == 0:
            r = rnd.pick(["", " ", "[", "[]", "[,]", "(,)", "[1.0", "1.0]", "(1.0)", "[1.0)",
                          "[1.0,2.0", "[1.0,2.0,3.0]", "(1.0,1.0)", "[1.0,1.0)", "[2.0,1.0]",
                          "[1.0,2.0],", "[1.0,2.0]x", ",[1.0,2.0]", "[1.0,2.0]|[3,4]",
                          "[1.0,2.0],[1.5,3.0]", "[1.0,2.0],[2.0,3.0]", "[ 1.0 , 2.0 ]",
                          " [1.0,2.0]", "[1.0,2.0] ", "[1.0]", "[1.0 ]", "(,1.0],[1.2,)"])
        elif kind == 1:
            r = lo  # soft requirement
        elif kind == 2:
            r = "[" + lo + "]"
        else:
            parts = []
            for _ in range(1 if rnd.chance(0.8) else 2):
                a, b = sorted([self.base(), self.base()], key=lambda s: len(s))
                left, right = rnd.pick(["[", "("]), rnd.pick(["]", ")"])
                if rnd.chance(0.2):
                    a = ""
                elif rnd.chance(0.2):
                    b = ""
                parts.append(left + a + rnd.pick([",", ", ", " ,"]) + b + right)
            r = ",".join(parts)
        found = [x for x in re.split(r"[\[\](),\s]+", r) if x]
        if found and rnd.chance(0.85):
            v = rnd.pick(found)
            v = rnd.pick([lambda: v, lambda: self.neighbour(v), lambda: self.respell(v)])()
        else:
            v = self.base()
        if rnd.chance(0.05):
            v = self.mutate(v)
        return clean(r), clean(v)


class RubyGemsGen(SchemeGen):
    seps = ".-"
    edges = ["1", "1.0", "1.0.0", "01", "1.00", "1.0.a", "1.0.a1", "1.0.a.1", "1.0.alpha",
             "1.0.pre", "1.0.rc1", "1.0.0.rc1", "1.0.0-rc1", "1.0-1", "1.0.pre.1", "1.0-a",
             "1.A", "1.a", "1.0.A", "1.0.Z", "1.0.z", "1.0.b", "1.0.0.0.0", "", " ", "  1.0  ",
             "1.0 ", " 1.0", "1..0", "1.0.", ".1", "-1", "1-", "1.0-",
             "1.0--1", "1.0-a-b", "1.0-a.b", "a", "a.1", "1.0.0-", "1 0", "v1.0", "1.0\x0b",
             "1.0\x0c", "1.0\u00a0", "1.0\u3000", "\u0661.0", "1.0.\u00e9",
             "99999999999999999999", "1.18446744073709551616", "1.0.0.0.1", "0", "0.0",
             "0.0.0.a", "1.0.pre.pre", "1.0-pre-1", "1.0.1.a", "1.0.a.b.c", "1.0b1", "1.0a1",
             "2.0.0.beta.1", "2.0.0-beta.1", "2.0.0.beta1", "1.0.0_1", "1.0+1"]

    def base(self) -> str:
        rnd = self.rnd
        v = ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 3, 3, 3, 4])))
        if rnd.chance(0.3):
            v += rnd.pick([".", ".", "-", ""]) + rnd.pick(["a", "b", "pre", "rc", "beta", "alpha",
                                                          "rc1", "beta2", "A", "z", "pre.1",
                                                          "1", "dev"])
            if rnd.chance(0.3):
                v += "." + rnd.small()
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: v + ".0" * rnd.int(1, 2),
            lambda: re.sub(r"(\.0)+$", "", v),
            lambda: pad_one_number(rnd, v),
            lambda: v.replace("-", ".pre.", 1),
            lambda: v.replace(".pre.", "-", 1),
            lambda: rnd.pick([" ", "  ", "\x0c"]) + v + rnd.pick(["", " ", "\x0b"]),
            lambda: change_case(rnd, v),
            lambda: re.sub(r"(?<=[a-z])(?=\d)", ".", v, count=1),
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: v + rnd.pick([".a", ".b", ".pre", ".rc1", ".1", ".0.1", "-1", ".z", "a"]),
            lambda: re.sub(r"\.[^.]*$", "", v) or v,
        ])()

    has_ranges = True

    def requirement(self) -> str:
        rnd = self.rnd
        op = rnd.op(["= ", "!= ", "> ", "< ", ">= ", "<= ", "~> ", "~> ", "", ">=", "~>"],
                    ["=> ", "=< ", "== ", "~ ", "^ "])
        return op + self.base()

    def range_pair(self) -> Pair:
        rnd = self.rnd
        if rnd.chance(0.05):
            r = rnd.pick(["", " ", ",", ">= 1.0,", ", >= 1.0", ">= 1.0,, < 2", "~> 1", "~> 1.0.a",
                          ">= 1.0 < 2", ">= 1.0 || < 2", "~>", ">=", "= ", "1.0 1.1"])
        else:
            r = rnd.pick([", ", ",", " , "]).join(self.requirement()
                                                  for _ in range(rnd.int(1, 3)))
        found = re.findall(r"\d+(?:\.[0-9A-Za-z]+)*", r)
        if found and rnd.chance(0.85):
            v = rnd.pick(found)
            v = rnd.pick([lambda: v, lambda: self.neighbour(v), lambda: self.respell(v)])()
        else:
            v = self.base()
        if rnd.chance(0.05):
            v = self.mutate(v)
        return clean(r), clean(v)


class ComposerGen(SchemeGen):
    seps = ".-_+"
    edges = ["1", "1.0", "1.0.0", "1.0.0.0", "1.0.0.0.0", "v1.0", "V1.0", "v1.0.0.0", "1.0.0+build",
             "1.0.0-beta", "1.0.0-beta2", "1.0.0-beta.2", "1.0.0-b2", "1.0.0-BETA2",
             "1.0.0beta2", "1.0.0.beta2", "1.0.0-alpha", "1.0.0-a1", "1.0.0-RC1", "1.0.0-rc.1",
             "1.0.0RC1", "1.0.0-dev", "1.0-dev", "1.0.x-dev", "1.x-dev", "dev-master",
             "dev-main", "dev-feature/x", "dev-1.0", "1.0.0-patch1", "1.0.0-pl1", "1.0.0-p1",
             "1.0.0-stable", "1.0.0-stable1", "1.0.0-beta.1.2", "1.0.0-alpha.b", "1.0@dev",
             "1.0.0@beta", "1.0.0 as 2.0.0", "2010-01-02", "2010.01.02", "20100102",
             "2010-01-02-10-20-30", "2010-01-02.5", "99999", "100000", "1.0.0.0.0.0",
             "1.0.0-", "1.0.0.", ".1.0", "1..0", "", " ", " 1.0 ", "1.0 ", "1.0\u00a0",
             "\u0661.0", "1.0.0-\u00e9", "1.0-beta-2", "1.0-beta_2", "1.0-beta+2", "1.0.0-beta-1",
             "1.0.0.0-beta2", "1.0.0.0-dev", "dev-", "master", "1.2.3.4.5", "1.0.0-alpha1.2",
             "1.0.0-RC", "1.0.0-rc", "1.0.0-alpha0", "1.0.0-beta0", "9999999-dev",
             "1.0.0-p", "1.0.0-pl", "1.0.0-patch", "1.0.0-#", "99999999999999999999.0",
             "1.0.0-beta.99999999999999999999"]

    def base(self) -> str:
        rnd = self.rnd
        if rnd.chance(0.04):
            return rnd.pick(["dev-master", "dev-main", "dev-feature", "dev-1.x"])
        if rnd.chance(0.05):
            return "%d%s%02d%s%02d" % (rnd.int(2000, 2030), rnd.pick([".", "-", ""]),
                                       rnd.int(1, 12), rnd.pick([".", "-", ""]), rnd.int(1, 28))
        v = ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 3, 3, 3, 4])))
        if rnd.chance(0.3):
            v += rnd.pick(["-", "-", ".", "", "_"]) + rnd.pick(
                ["alpha", "a", "beta", "b", "RC", "rc", "dev", "patch", "pl", "p", "stable"])
            if rnd.chance(0.7):
                v += rnd.pick(["", ".", "-"]) + rnd.small()
        if rnd.chance(0.05):
            v += "+" + rnd.pick(["build", "1", "abc.1"])
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: rnd.pick(["v", "V"]) + v,
            lambda: re.sub(r"^(\d+(?:\.\d+)*)", lambda m: m.group(1) + ".0" * max(
                0, min(rnd.int(1, 3), 3 - m.group(1).count("."))), v, count=1),
            lambda: change_case(rnd, v),
            lambda: re.sub(r"(?<=\d)[-._]?(alpha|beta|a|b|RC|rc|patch|pl|p)[-._]?(?=\d)",
                           lambda m: rnd.pick(["-", ".", ""]) + {
                               "alpha": "a", "a": "alpha", "beta": "b", "b": "beta", "RC": "rc",
                               "rc": "RC", "patch": "pl", "pl": "p", "p": "patch"}[m.group(1)] +
                           rnd.pick(["", ".", "-"]), v, count=1),
            lambda: v + rnd.pick(["+build", "@dev", "@stable", " ", "+1"]),
            lambda: " " + v + " ",
            lambda: pad_one_number(rnd, v),
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: v + rnd.pick(["-dev", "-alpha", "-beta1", "-RC1", "-patch1", ".1", "-p1",
                                  "-stable", ".0.1"]),
            lambda: re.sub(r"[-.][^-.]*$", "", v) or v,
        ])()

    has_ranges = True

    def constraint(self) -> str:
        rnd = self.rnd
        v = self.base()
        if rnd.chance(0.15):
            v = re.sub(r"[^0-9.].*$", "", v).rstrip(".")
            v = ".".join(v.split(".")[:rnd.int(1, 3)]) + rnd.pick([".*", ".x", ".X", ""])
        op = rnd.op(["", "", "^", "^", "~", "~", ">=", ">", "<", "<=", "=", "==", "!=", "<>",
                     ">= "], ["=>", "~>", "=<", "<<"])
        c = op + v
        if rnd.chance(0.05):
            c += rnd.pick(["@dev", "@beta", "@stable", "@foo"])
        return c

    def range_pair(self) -> Pair:
        rnd = self.rnd
        kind = rnd.int(0, 9)
        if kind == 0:
            r = rnd.pick(["*", "", " ", "x", "*@dev", "1.0.*", "1.*", "^0.3", "~0.3", "^0.0.3",
                          "~1", "^1", "1.0 - 2.0", "1.0.0 - 2.1.0", "1 - 2", ">=1.0 <2.0",
                          ">=1.0,<2.0", ">=1.0, <2.0", "^1.2 || ^2.0", "^1.2 | ^2.0", "^1.2 ||",
                          "|| ^1.2", ">=1.0 <1.1 || >=1.2", "dev-master", "dev-master as 1.0",
                          "1.0.x-dev", "!=1.5", "<>1.5", "> 1.0", "~1.2.3", "~1.2.3.4", ">", "<",
                          "^", "~", ">=1.0,", ",<2.0"])
        elif kind == 1:
            r = self.base() + rnd.pick([" - ", " -  "]) + self.base()
        else:
            groups = []
            for _ in range(1 if rnd.chance(0.75) else rnd.int(2, 3)):
                groups.append(rnd.pick([" ", ",", ", "]).join(self.constraint()
                                                              for _ in range(rnd.int(1, 2))))
            r = rnd.pick([" || ", "||", " | "]).join(groups)
        found = re.findall(r"\d+(?:\.\d+)*(?:-?[A-Za-z]+\d*)?", r)
        if found and rnd.chance(0.85):
            v = rnd.pick(found)
            v = rnd.pick([lambda: v, lambda: self.neighbour(v), lambda: self.respell(v)])()
        else:
            v = self.base()
        if rnd.chance(0.05):
            v = self.mutate(v)
        return clean(r), clean(v)


class DebianGen(SchemeGen):
    seps = ".-+~:"
    edges = ["1.0", "0:1.0", "1:1.0", "01:1.0", "+1:1.0", "-0:1.0", " 1:1.0", "1.0-1", "1.0-0",
             "1.0-01", "1.0-", "-1", ":1.0", "1:", "1.0:", "1:1.0:2", "1:1.0-1:2",
             "2147483647:1.0", "2147483648:1.0", "99999999999:1.0", "a:1.0", "1.0~", "1.0~~",
             "1.0~~a", "1.0~a", "1.0+", "1.0+~", "1.0a", "1.0.", "1.0..0", "1.00", "1.0~rc1",
             "1.0~rc1-1", "1.0+dfsg-1", "1.0-1ubuntu1", "1.0-1~bpo11+1", "1.0-1+deb12u1",
             "1.0-1.1", "1.0-1-2", "a1.0", "abc", "~1.0", ".1.0", "1.0_1", "1.0-1_1",
             "1.0 1", " 1.0", "1.0 ", "", " ", "1.0-a", "1.0-~", "1.0-+", "1.0-.",
             "1.0\u00e9", "\u0661.0", "1.0-1\u00a0", "99999999999999999999999",
             "1.99999999999999999999", "0.0", "0", "1", "1.0+really0.9", "2:0.9+really1.0-1",
             "1.0~git20200101.abcdef-1", "1.0-0.1", "1.0-1:1", "1.0:1", "1:1.0-"]

    def base(self) -> str:
        rnd = self.rnd
        v = ""
        if rnd.chance(0.15):
            v += rnd.small() + ":"
        v += ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 2, 3, 3, 4])))
        for _ in range(rnd.pick([0, 0, 1, 1, 2])):
            v += rnd.pick(["~", "+", ".", "", "~", "+"]) + rnd.pick(
                ["rc1", "beta2", "dfsg", "ds", "git20200101", "really1.0", "a", "b", "1", "~",
                 "svn123", "alpha", "pre1", "z"])
        if rnd.chance(0.6):
            v += "-" + rnd.small() + rnd.pick(["", "", "", "ubuntu1", "+deb12u1", "~bpo11+1",
                                               ".1", "build1", "~1", "+b1"])
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: v if re.match(r"^\d+:", v) else "0:" + v,
            lambda: re.sub(r"^0+:", "", v),
            lambda: v + "-0" if "-" not in v else v,
            lambda: pad_one_number(rnd, v),
            lambda: " " + v + rnd.pick(["", " "]),
            lambda: change_case(rnd, v),
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: re.sub(r"(?=-[^-]*$)|$", rnd.pick(["~", "~rc1", "+", "+b1", ".0", "a", "~~"]),
                           v, count=1),
            lambda: v + rnd.pick(["~", "+1", "-1", ".1", "a", "~bpo1"]),
            lambda: v.rsplit("-", 1)[0] if "-" in v else v,
            lambda: re.sub(r"^(\d+):", lambda m: str(int(m.group(1)) + 1) + ":", v)
            if ":" in v else "1:" + v,
        ])()


class RpmGen(SchemeGen):
    seps = ".-_+~^:"
    edges = ["1.0", "0:1.0", "1:1.0", ":1.0", "1:", "a:1.0", "1.0-1", "1.0-", "-1", "1.0-1-2",
             "1.0~rc1", "1.0~", "1.0~~", "1.0^", "1.0^git1", "1.0^^", "1.0~^", "1.0^~", "1.0a",
             "1.0.a", "1.0_a", "1_0", "1+0", "1..0", "1.0.", ".1.0", "01.0", "1.00", "1.0.0",
             "1.0 ", " 1.0", "1 0", "", " ", "a", "A", "1.0A", "1.0a1", "1.0.el8", "1.0-1.el8",
             "1.0-1.el8_5", "2:1.0-1.fc38", "99999999999999999999", "1.99999999999999999999",
             "18446744073709551616:1.0", "1.0\u00e9", "1.0\u00e91", "\u0661.0", "1.0-1\u00a0",
             "1.0-~", "1.0-^", "~", "^", "1:1.0:2", "1.0:1", "0.0", "0"]

    def base(self) -> str:
        rnd = self.rnd
        v = ""
        if rnd.chance(0.15):
            v += rnd.small() + ":"
        v += rnd.pick([".", ".", ".", "_", "+"]).join(
            rnd.small() for _ in range(rnd.pick([1, 2, 2, 3, 3, 4])))
        for _ in range(rnd.pick([0, 0, 1, 1, 2])):
            v += rnd.pick(["~", "^", ".", "", "~", "^", "_"]) + rnd.pick(
                ["rc1", "beta2", "git20200101.abcdef", "a", "b", "1", "pre", "post1", "z", "Z",
                 "snapshot"])
        if rnd.chance(0.6):
            v += "-" + rnd.small() + rnd.pick(["", ".el8", ".el9_2", ".fc38", ".1", "~rc1", "^1",
                                               ".module+el8.1.0+1234+abcd"])
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: v if re.match(r"^\d+:", v) else "0:" + v,
            lambda: re.sub(r"^0+:", "", v),
            lambda: re.sub(r"[._+]", lambda _: rnd.pick("._+"), v),
            lambda: pad_one_number(rnd, v),
            lambda: change_case(rnd, v),
            lambda: v.rsplit("-", 1)[0] if "-" in v else v + "-1",
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: re.sub(r"(?=-[^-]*$)|$", rnd.pick(["~", "~rc1", "^", "^git1", ".0", "a",
                                                       ".a"]), v, count=1),
            lambda: v + rnd.pick(["~", "^", ".1", "a", "-1", ".el8"]),
            lambda: re.sub(r"^(\d+):", lambda m: str(int(m.group(1)) + 1) + ":", v)
            if ":" in v else "1:" + v,
        ])()


class AlpineGen(SchemeGen):
    seps = "._-"
    edges = ["1.0", "1.0-r0", "1.0-r1", "1.0_alpha", "1.0_alpha1", "1.0_beta", "1.0_pre1",
             "1.0_rc1", "1.0_p1", "1.0_cvs", "1.0_svn", "1.0_git20200101", "1.0_hg", "1.0a",
             "1.0b", "1.0z", "1.0aa", "1.0-r", "1.0-r01", "1.0_rc", "1.0_foo", "1.0~rc1", "1.0.",
             "1..0", "a", "", "1.0-r1-r2", "1.0_alpha_beta", "1.0_p1_rc2", "01.0", "1.00",
             "1.0.0", "99999999999999999999", "1.0 ", " 1.0", "1.0-r0\u00e9", "1.0_RC1",
             "1.0-R1", "1.0_p", "1.0.1a_rc1-r5"]

    def base(self) -> str:
        rnd = self.rnd
        v = ".".join(rnd.small() for _ in range(rnd.pick([1, 2, 3, 3, 4])))
        if rnd.chance(0.2):
            v += rnd.pick("abcz")
        if rnd.chance(0.3):
            v += "_" + rnd.pick(["alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"]) + (
                rnd.small() if rnd.chance(0.7) else "")
        if rnd.chance(0.6):
            v += "-r" + rnd.small()
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: v + "-r0" if "-r" not in v else re.sub(r"-r0+$", "", v),
            lambda: pad_one_number(rnd, v),
            lambda: change_case(rnd, v),
            lambda: v + ".0",
        ])()

    def neighbour(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: bump_number(rnd, v),
            lambda: re.sub(r"(?=-r\d+$)|$", rnd.pick(["_rc1", "_p1", "_alpha", "a", ".1", "_git1"]),
                           v, count=1),
        ])()


class NugetGen(SemverGen):
    edges = ["1.0", "1.0.0", "1.0.0.0", "1.0.0.1", "1", "01.0", "1.0.0-beta", "1.0.0-BETA",
             "1.0.0-beta.1", "1.0.0-beta1", "1.0.0+build", "1.0.0.0-beta", "v1.0.0", "1.0.0-",
             "1.0.0-01", "2147483647.0", "2147483648.0", "", " 1.0", "1.0 ", "1.0.0.0.0",
             "1.0-rc.1+abc", "1.0.0-a..b", "1.0.0-\u00e9"]

    def plain(self) -> str:
        rnd = self.rnd
        v = ".".join(rnd.small() for _ in range(rnd.pick([2, 3, 3, 3, 4])))
        if rnd.chance(0.35):
            v += self.pre()
        if rnd.chance(0.1):
            v += self.build()
        return v

    def respell(self, v: str) -> str:
        rnd = self.rnd
        return rnd.pick([
            lambda: change_case(rnd, v),
            lambda: re.sub(r"^(\d+(?:\.\d+)*)", lambda m: m.group(1) + ".0", v, count=1),
            lambda: re.sub(r"\+.*$", "", v) + self.build(),
            lambda: pad_one_number(rnd, v),
        ])()


# scheme name (as in the ctest names) -> generator class
GENERATORS = {
    "npm": NpmGen, "cargo": CargoGen, "go": GoGen, "pypi": Pep440Gen, "maven": MavenGen,
    "rubygems": RubyGemsGen, "packagist": ComposerGen, "debian": DebianGen, "rpm": RpmGen,
    "alpine": AlpineGen, "nuget": NugetGen,
}


def _unique(produce: Callable[[], Pair], count: int, seed_items: Iterable[Pair] = ()) -> List[Pair]:
    seen = set()
    out: List[Pair] = []
    for item in seed_items:
        if item not in seen and len(out) < count:
            seen.add(item)
            out.append(item)
    attempts = 0
    while len(out) < count and attempts < count * 20:
        attempts += 1
        item = produce()
        if item in seen or item[0] == item[1]:  # identical strings prove little; edges keep some
            continue
        seen.add(item)
        out.append(item)
    return out


def compare_pairs(scheme: str, count: int, seed: str) -> List[Pair]:
    """`count` distinct (a, b) pairs for `scheme`; the same for the same seed."""
    gen = GENERATORS[scheme](Rand(f"assay-differential/{scheme}/compare/{seed}"))
    edges = [clean(e) for e in gen.edges]
    # Every edge case at least once, against a respelling of itself and against a random base.
    seeded = [(e, clean(gen.respell(e))) for e in edges] + [(e, clean(gen.base())) for e in edges]
    return _unique(gen.pair, count, seeded)


def range_pairs(scheme: str, count: int, seed: str) -> List[Pair]:
    """`count` distinct (range, version) pairs; empty when the scheme has no range syntax here."""
    gen = GENERATORS[scheme](Rand(f"assay-differential/{scheme}/contains/{seed}"))
    if not gen.has_ranges:
        return []
    return _unique(gen.range_pair, count)
