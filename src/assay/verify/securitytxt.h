// security.txt (RFC 9116): a parser that checks every rule of the format and reports each problem
// as a finding with a stable code, and a check that adds what needs context: the URL the file was
// retrieved from (Canonical) and an OpenPGP key to verify a clear-signed file with (pgp.h).
// Severity: error = a MUST of RFC 9116 (or an input limit) is broken; warning = a SHOULD /
// RECOMMENDED is not met; info = worth knowing. The codes are listed in
// docs/formats/securitytxt.md.
#ifndef ASSAY_VERIFY_SECURITYTXT_H_
#define ASSAY_VERIFY_SECURITYTXT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/result.h"
#include "assay/verify/pgp.h"
#include "assay/verify/verification.h"

namespace assay::verify::securitytxt {

// Input limits (RFC 9116 sets none; these bound hostile input and match common validators).
inline constexpr std::size_t kMaxBytes = 32 * 1024;
inline constexpr std::size_t kMaxLines = 1000;
inline constexpr std::size_t kMaxFieldLineChars = 2048;  // Unicode code points per field line

// Parses an RFC 3339 date-time (RFC 9116 "Expires", the CLI's --now): "2025-12-31T18:37:07Z",
// "2025-12-31t18:37:07.5+01:00". Returns seconds since the Unix epoch (fractions dropped), or
// nullopt when the text is not a valid date-time (impossible dates, missing offset, a space
// instead of "T").
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// Formats seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_rfc3339(std::int64_t seconds);

// True when `tag` is a well-formed RFC 5646 language tag (including grandfathered tags; a
// singleton may not repeat).
bool is_language_tag(std::string_view tag);

struct Field {
  std::string name;   // as written
  std::string value;  // trailing whitespace removed
  std::size_t line = 0;
};

// A finding: a Diagnostic with the physical line (1-based; 0 = the whole file).
struct Finding {
  Severity severity = Severity::kError;
  std::string code;     // "SECTXT-EXPIRED", ...
  std::string message;  // one sentence a vendor's engineer can act on
  std::size_t line = 0;

  // As a core Diagnostic located at "source:line" (or "source").
  Diagnostic to_diagnostic(std::string_view source) const;
};

struct SecurityTxt {
  std::vector<Field> fields;  // every field in source order, registered or not
  // Values of the registered fields (RFC 9116 and the IANA registry's CSAF), in source order.
  std::vector<std::string> contact;
  std::vector<std::string> acknowledgments;
  std::vector<std::string> canonical;
  std::vector<std::string> csaf;
  std::vector<std::string> encryption;
  std::vector<std::string> hiring;
  std::vector<std::string> policy;
  std::vector<std::string> preferred_languages;  // every Preferred-Languages tag, in order
  std::optional<std::string> expires;            // the first Expires value as written
  std::optional<std::int64_t> expires_at;        // ... parsed, when valid
  // True when the file is a syntactically complete OpenPGP cleartext-signed message; the fields
  // are then read from its (dash-unescaped) body. Says nothing about the signature's validity.
  bool is_signed = false;
};

struct Parsed {
  SecurityTxt file;
  std::vector<Finding> findings;

  bool has_errors() const;
};

// Parses `text` and checks every rule that needs nothing beyond the file and the time `now`
// (seconds since the epoch): size, encoding, BOM, line endings and limits, line syntax, field
// cardinality, URI syntax and schemes, language tags, Expires validity and staleness, signing and
// encryption recommendations. Never fails: every problem is a finding. Pure; thread-safe.
Parsed parse(std::string_view text, std::int64_t now);

struct CheckOptions {
  std::int64_t now = 0;  // seconds since the epoch
  // The https URL the file was retrieved from; when set, a Canonical field that does not list it
  // is an error (SECTXT-CANONICAL-MISMATCH). "" for a local file.
  std::string retrieval_url;
  // When set, a clear-signed file is verified with this key (SECTXT-SIGNATURE-VALID /
  // SECTXT-SIGNATURE-INVALID) and an unsigned file is an error (SECTXT-SIGNATURE-MISSING).
  // Otherwise a signed file is reported as signed but unverified (SECTXT-SIGNATURE-UNVERIFIED).
  std::optional<pgp::KeySpec> key;
  // For a fetched file: the Content-Type the server sent (RFC 9116 section 3: text/plain, UTF-8;
  // SECTXT-CONTENT-TYPE otherwise), and the URLs that redirected to retrieval_url, in order
  // (SECTXT-REDIRECTED, or SECTXT-REDIRECT-OTHER-HOST when a hop changed the host).
  std::optional<std::string> content_type;
  std::vector<std::string> redirects;
};

struct Report {
  Parsed parsed;
  std::optional<Verification> signature;  // the OpenPGP verification, when a key was given

  // True when no finding is an error.
  bool valid() const;
};

// The report for a URL where no security.txt was found (HTTP `status`, e.g. 404): one error,
// SECTXT-NOT-FOUND.
Report not_found(std::string_view url, long status);

// parse() plus the Canonical, retrieval (content type, redirects) and signature rules. Fails only
// when the signature could not be checked at all: kInvalidInput for a malformed fingerprint, kIo
// when GnuPG cannot run.
[[nodiscard]] Result<Report> check(std::string_view text, const CheckOptions& options);

}  // namespace assay::verify::securitytxt

#endif  // ASSAY_VERIFY_SECURITYTXT_H_
