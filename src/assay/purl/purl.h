// Package URLs (package-url/purl-spec, ECMA-427): parse, validate, normalise per type, build from
// components and print in canonical form.
#ifndef ASSAY_PURL_PURL_H_
#define ASSAY_PURL_PURL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/result.h"

namespace assay::purl {

// How much of a non-conforming input is repaired rather than rejected.
enum class Mode {
  // The default. Follows purl-spec's "how to parse" and its "recommended" remediations: qualifier
  // keys are lower-cased, raw spaces and raw UTF-8 are accepted and encoded on output, and git
  // purls on GitHub, GitLab, Bitbucket and Codeberg are lower-cased.
  kNormalize,
  // ECMA-427's "shall" rules and the registered type definitions, as purl-spec's "required" tests
  // check them: additionally rejects upper-case qualifier keys, raw spaces and non-ASCII bytes, and
  // keeps git names exactly as written (the git type is case-sensitive).
  kStrict,
};

// A purl as decoded, normalised components. Empty string = absent. Values built by parse() or
// build() are valid; to_string() of a hand-made Purl encodes whatever it holds.
struct Purl {
  std::string type;        // lower case, e.g. "npm"
  std::string namespace_;  // NOLINT(readability-identifier-naming): "namespace" is a keyword
                           // decoded; segments joined by '/'; empty when absent
  std::string name;        // decoded (for "git" the repository path, segments joined by '/')
  std::string version;     // decoded; empty when absent
  std::vector<std::pair<std::string, std::string>> qualifiers;  // sorted by key, decoded, unique
  std::string subpath;  // decoded; segments joined by '/'; empty when absent

  // Canonical string form: "pkg:type/namespace/name@version?k=v&k=v#subpath", every component
  // percent-encoded except ASCII letters, digits, ".-_~" and ':'.
  std::string to_string() const;

  // The value of qualifier `key` (a lower-case key), or "" when there is no such qualifier. The
  // view borrows from this Purl.
  std::string_view qualifier(std::string_view key) const;

  friend bool operator==(const Purl&, const Purl&) = default;
};

// Parses and normalises `text`. Fails with kInvalidInput and a message naming the problem, e.g.
// `missing the "pkg:" scheme` or `type "1npm" must start with a letter`; the error's location is
// empty so that callers can say where the purl came from. Inputs longer than kMaxPurlBytes
// (core/limits.h) are refused, and so is any input whose canonical form would exceed it, so
// parse(p.to_string()) succeeds for every p that parse() returns. Thread-safe; no I/O.
[[nodiscard]] Result<Purl> parse(std::string_view text, Mode mode = Mode::kNormalize);

// Validates and normalises decoded components, as a builder would from an SBOM's fields:
// leading/trailing '/' of namespace, name and subpath are dropped, as are empty, "." and ".."
// subpath segments and qualifiers with an empty value; qualifiers may come in any order. The
// per-type rules of parse() apply. Fails with kInvalidInput (missing type or name, invalid
// qualifier key, duplicate key, a rule of the type, or a canonical form over kMaxPurlBytes).
[[nodiscard]] Result<Purl> build(Purl components, Mode mode = Mode::kNormalize);

// True when `type` (lower case) is one of the types registered in purl-spec that Assay knows the
// rules of. Unregistered types are still accepted by parse() and build() with the generic rules.
bool is_registered_type(std::string_view type);

}  // namespace assay::purl

#endif  // ASSAY_PURL_PURL_H_
