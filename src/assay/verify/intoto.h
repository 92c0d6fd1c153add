// in-toto attestation Statements (v0.1 and v1) and the containers they travel in: a bare
// Statement, a DSSE envelope, a Sigstore bundle whose DSSE payload is a Statement, JSON Lines files
// holding several of those (*.intoto.jsonl), npm's {"attestations": [...]} and Google Cloud Build's
// provenance_summary. Reading a container only decodes its payload; signatures are verified by
// dsse.h / sigstore_verify.h, never here.
#ifndef ASSAY_VERIFY_INTOTO_H_
#define ASSAY_VERIFY_INTOTO_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/verify/digest.h"
#include "assay/verify/verification.h"

namespace assay::verify::intoto {

inline constexpr std::string_view kStatementV01 = "https://in-toto.io/Statement/v0.1";
inline constexpr std::string_view kStatementV1 = "https://in-toto.io/Statement/v1";
inline constexpr std::string_view kPayloadType = "application/vnd.in-toto+json";

// Provenance can be large (GitHub event payloads), but a statement is not a bulk format.
inline constexpr InputLimits kStatementLimits{
    .max_bytes = 32ULL * 1024 * 1024,
    .max_depth = 48,
    .max_items = 200'000,
    .max_string_bytes = 16ULL * 1024 * 1024,
};
inline constexpr std::size_t kMaxSubjects = 10'000;
inline constexpr std::size_t kMaxAttestations = 1'000;  // per file

enum class StatementVersion { kV01, kV1 };

// "v0.1" or "v1".
std::string_view to_string(StatementVersion version);

struct Subject {
  std::string name;  // "" when absent
  // DigestSet entries sorted by algorithm key: key as written, value as written.
  std::vector<std::pair<std::string, std::string>> digest;
};

struct Statement {
  StatementVersion version = StatementVersion::kV1;
  std::vector<Subject> subjects;
  std::string predicate_type;
  json::Json predicate;  // an object; an empty object when the predicate was absent
};

// Parses one Statement strictly: "_type" must be one of the two Statement type URIs, "subject" a
// non-empty array of objects each with a non-empty "digest" object of string values (known
// algorithms must be hex of the right length; v1 subjects may omit "name"), "predicateType" a
// non-empty string, "predicate" an object when present. Unknown fields are ignored, as the in-toto
// parsing rules require. Fails with kInvalidInput and location "source#/pointer".
[[nodiscard]] Result<Statement> parse_statement(std::string_view json, std::string_view source,
                                                const InputLimits& limits = kStatementLimits);
[[nodiscard]] Result<Statement> read_statement(const json::Reader& node);

enum class Container {
  kStatement,        // a bare, unsigned Statement
  kDsseEnvelope,     // {"payloadType", "payload", "signatures"}
  kSigstoreBundle,   // {"mediaType", "verificationMaterial", "dsseEnvelope"}
  kNpmAttestations,  // {"attestations": [{"predicateType", "bundle"}]}
  kCloudBuild,       // {"provenance_summary": {"provenance": [{"envelope"}]}}
};

// "statement", "dsse-envelope", "sigstore-bundle", "npm-attestations", "cloud-build".
std::string_view to_string(Container container);

struct Attestation {
  Container container = Container::kStatement;
  std::string location;             // "file:line" for JSON Lines, "file#/pointer" inside a document
  std::string payload_type;         // "" for a bare statement
  std::string payload;              // the Statement's bytes exactly as signed
  std::size_t signature_count = 0;  // signatures present in the envelope (not verified)
  std::string envelope_json;        // the DSSE envelope or bundle JSON, for signature verification
  Statement statement;
};

// Reads every attestation in `bytes`: one JSON document of any Container kind, or JSON Lines with
// one document per non-blank line. DSSE payloads are base64 (standard or URL-safe) and must have
// payloadType "application/vnd.in-toto+json". Fails (kInvalidInput, location "source:line" or
// "source#/pointer") on the first malformed entry, on a payload that is not a valid Statement,
// and when there is no attestation at all or more than kMaxAttestations; kUnsupported for a bundle
// that signs a message rather than carrying an envelope. Pure; thread-safe.
[[nodiscard]] Result<std::vector<Attestation>> read_attestations(
    std::string_view bytes, std::string_view source, const InputLimits& limits = kStatementLimits);

// Checks that the artefact is one of the statement's subjects: some subject has a digest in an
// accepted algorithm (SHA-256/384/512, any spelling) equal to the artefact's. When `subject_name`
// is not empty the matching subject must also have that name. Returns check "intoto.subject"
// (pass naming the matching subject; fail listing what was compared, including when no subject
// carries an accepted algorithm, since the artefact cannot then be bound to the statement).
Check match_subject(const Statement& statement, const digest::Digests& artefact,
                    std::string_view subject_name = {});

}  // namespace assay::verify::intoto

#endif  // ASSAY_VERIFY_INTOTO_H_
