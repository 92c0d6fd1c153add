// in-toto Statements and the containers that carry them. The DSSE payload extractor here only
// decodes {"payloadType", "payload"} (dsse.h parses and verifies envelopes fully); it keeps this
// reader independent of signature verification, which is done elsewhere.
#include "assay/verify/intoto.h"

#include <array>
#include <optional>
#include <utility>

#include "assay/core/strings.h"

namespace assay::verify::intoto {

namespace {

// Decodes standard or URL-safe base64, with or without padding. nullopt on any other character,
// misplaced padding or a dangling 6-bit group.
std::optional<std::string> decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3 + 3);
  std::uint32_t accumulator = 0;
  int bits = 0;
  std::size_t padding = 0;
  std::size_t symbols = 0;
  for (const char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      value = c - '0' + 52;
    } else if (c == '+' || c == '-') {
      value = 62;
    } else if (c == '/' || c == '_') {
      value = 63;
    } else if (c == '=') {
      ++padding;
      continue;
    } else {
      return std::nullopt;
    }
    if (padding > 0) {
      return std::nullopt;  // data after padding
    }
    ++symbols;
    accumulator = (accumulator << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((accumulator >> bits) & 0xFFU));
    }
  }
  if (symbols % 4 == 1 || padding > 2 || (padding > 0 && (symbols + padding) % 4 != 0)) {
    return std::nullopt;
  }
  return out;
}

bool is_hex(std::string_view text) {
  for (const char c : text) {
    if (!(is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

Result<Subject> read_subject(const json::Reader& node, StatementVersion version) {
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object (a subject)"));
  }
  Subject subject;
  if (const std::optional<json::Reader> name = node.find("name")) {
    ASSAY_TRY(subject.name, name->as_string());
  } else if (version == StatementVersion::kV01) {
    return fail(ErrorCode::kInvalidInput, "subject has no \"name\" (required in Statement v0.1)",
                node.location());
  }
  const std::optional<json::Reader> digest = node.find("digest");
  if (!digest) {
    return fail(ErrorCode::kInvalidInput,
                "subject has no \"digest\"; a subject must be identified by its digest",
                node.location());
  }
  if (!digest->node().is_object()) {
    return tl::unexpected(digest->type_error("object (a DigestSet)"));
  }
  if (digest->node().empty()) {
    return fail(ErrorCode::kInvalidInput, "subject \"digest\" is empty", digest->location());
  }
  for (const auto& [key, value] : digest->node().items()) {
    ASSAY_TRY(const json::Reader entry, digest->at(key));
    ASSAY_TRY(std::string hex, entry.as_string());
    if (key.empty() || hex.empty()) {
      return fail(ErrorCode::kInvalidInput, "digest algorithm and value must not be empty",
                  entry.location());
    }
    // Known algorithms are hex of a fixed length; others (gitCommit, dirHash, ...) are kept as
    // written and never used as integrity evidence.
    if (const std::optional<digest::Algorithm> algorithm = digest::algorithm_from_name(key)) {
      if (hex.size() != digest::hex_length(*algorithm) || !is_hex(hex)) {
        return fail(ErrorCode::kInvalidInput,
                    "digest " + quote(key) + " is not " +
                        std::to_string(digest::hex_length(*algorithm)) + " hex digits",
                    entry.location());
      }
    }
    subject.digest.emplace_back(key, std::move(hex));
  }
  return subject;
}

// The envelope's payload type, payload and signature count. Signatures are counted, not read:
// verifying them is dsse.h's job.
struct Envelope {
  std::string payload_type;
  std::string payload;
  std::size_t signature_count = 0;
};

Result<Envelope> read_envelope(const json::Reader& node) {
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object (a DSSE envelope)"));
  }
  Envelope envelope;
  ASSAY_TRY(envelope.payload_type, node.get_string("payloadType"));
  ASSAY_TRY(const json::Reader payload, node.at("payload"));
  ASSAY_TRY(const std::string encoded, payload.as_string());
  std::optional<std::string> decoded = decode_base64(encoded);
  if (!decoded) {
    return fail(ErrorCode::kInvalidInput, "payload is not valid base64", payload.location());
  }
  if (decoded->empty()) {
    return fail(ErrorCode::kInvalidInput, "payload is empty", payload.location());
  }
  envelope.payload = std::move(*decoded);
  if (const std::optional<json::Reader> signatures = node.find("signatures")) {
    ASSAY_TRY(envelope.signature_count, signatures->array_size());
  }
  return envelope;
}

class AttestationReader {
 public:
  AttestationReader(const InputLimits& limits, std::vector<Attestation>& out)
      : limits_(limits), out_(out) {}

  // Reads one top-level JSON document (a file, or one line of a JSON Lines file).
  Result<void> read_document(const json::Reader& root) {
    const json::Json& node = root.node();
    if (!node.is_object()) {
      return tl::unexpected(root.type_error("object (a statement, envelope or bundle)"));
    }
    if (node.contains("dsseEnvelope") || node.contains("messageSignature")) {
      return read_bundle(root, Container::kSigstoreBundle);
    }
    if (node.contains("payloadType")) {
      return read_dsse(root, Container::kDsseEnvelope, root);
    }
    if (node.contains("attestations")) {
      ASSAY_TRY(const json::Reader list, root.at("attestations"));
      ASSAY_TRY(const std::size_t count, list.array_size());
      for (std::size_t index = 0; index < count; ++index) {
        ASSAY_TRY(const json::Reader item, list.at(index));
        ASSAY_TRY(const json::Reader bundle, item.at("bundle"));
        ASSAY_TRY_VOID(read_bundle(bundle, Container::kNpmAttestations));
      }
      return {};
    }
    if (node.contains("provenance_summary")) {
      ASSAY_TRY(const json::Reader summary, root.at("provenance_summary"));
      ASSAY_TRY(const json::Reader list, summary.at("provenance"));
      ASSAY_TRY(const std::size_t count, list.array_size());
      for (std::size_t index = 0; index < count; ++index) {
        ASSAY_TRY(const json::Reader item, list.at(index));
        ASSAY_TRY(const json::Reader envelope, item.at("envelope"));
        ASSAY_TRY_VOID(read_dsse(envelope, Container::kCloudBuild, envelope));
      }
      return {};
    }
    if (node.contains("_type")) {
      ASSAY_TRY(Statement statement, read_statement(root));
      Attestation attestation;
      attestation.container = Container::kStatement;
      attestation.location = root.location();
      attestation.payload = node.dump();
      attestation.statement = std::move(statement);
      return push(std::move(attestation), root);
    }
    return fail(ErrorCode::kInvalidInput,
                "not an attestation: expected an in-toto statement (\"_type\"), a DSSE envelope "
                "(\"payloadType\"), a Sigstore bundle (\"dsseEnvelope\"), npm \"attestations\" or "
                "Cloud Build \"provenance_summary\"",
                root.location());
  }

 private:
  Result<void> read_bundle(const json::Reader& bundle, Container container) {
    if (!bundle.node().is_object()) {
      return tl::unexpected(bundle.type_error("object (a Sigstore bundle)"));
    }
    if (!bundle.has("dsseEnvelope")) {
      return fail(ErrorCode::kUnsupported,
                  "Sigstore bundle signs a message, not an attestation (no \"dsseEnvelope\")",
                  bundle.location());
    }
    ASSAY_TRY(const json::Reader envelope, bundle.at("dsseEnvelope"));
    return read_dsse(envelope, container, bundle);
  }

  Result<void> read_dsse(const json::Reader& envelope_node, Container container,
                         const json::Reader& outer) {
    ASSAY_TRY(Envelope envelope, read_envelope(envelope_node));
    if (envelope.payload_type != kPayloadType) {
      return fail(ErrorCode::kInvalidInput,
                  "payloadType is " + quote(envelope.payload_type) +
                      "; an in-toto attestation has " + quote(kPayloadType),
                  envelope_node.location("payloadType"));
    }
    const std::string payload_source = envelope_node.location("payload");
    ASSAY_TRY(const json::Json statement_json,
              json::parse(envelope.payload, payload_source, limits_));
    ASSAY_TRY(Statement statement,
              read_statement(json::Reader(statement_json, payload_source + "(decoded)")));
    Attestation attestation;
    attestation.container = container;
    attestation.location = outer.location();
    attestation.payload_type = std::move(envelope.payload_type);
    attestation.payload = std::move(envelope.payload);
    attestation.signature_count = envelope.signature_count;
    attestation.envelope_json = outer.node().dump();
    attestation.statement = std::move(statement);
    return push(std::move(attestation), outer);
  }

  Result<void> push(Attestation attestation, const json::Reader& where) {
    if (out_.size() >= kMaxAttestations) {
      return fail(ErrorCode::kInvalidInput,
                  "more than " + std::to_string(kMaxAttestations) + " attestations",
                  where.location());
    }
    out_.push_back(std::move(attestation));
    return {};
  }

  const InputLimits& limits_;
  std::vector<Attestation>& out_;
};

// Drops the "#" suffix json::Reader adds for the document root, so a JSON Lines entry is
// reported as "file:3" rather than "file:3#".
void tidy_root_locations(std::vector<Attestation>& attestations, std::size_t from) {
  for (std::size_t index = from; index < attestations.size(); ++index) {
    std::string& location = attestations[index].location;
    if (!location.empty() && location.back() == '#') {
      location.pop_back();
    }
  }
}

}  // namespace

std::string_view to_string(StatementVersion version) {
  return version == StatementVersion::kV01 ? "v0.1" : "v1";
}

std::string_view to_string(Container container) {
  switch (container) {
    case Container::kStatement:
      return "statement";
    case Container::kDsseEnvelope:
      return "dsse-envelope";
    case Container::kSigstoreBundle:
      return "sigstore-bundle";
    case Container::kNpmAttestations:
      return "npm-attestations";
    case Container::kCloudBuild:
      return "cloud-build";
  }
  return "statement";
}

Result<Statement> read_statement(const json::Reader& node) {
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object (an in-toto statement)"));
  }
  Statement statement;
  ASSAY_TRY(const json::Reader type_node, node.at("_type"));
  ASSAY_TRY(const std::string type, type_node.as_string());
  if (type == kStatementV01) {
    statement.version = StatementVersion::kV01;
  } else if (type == kStatementV1) {
    statement.version = StatementVersion::kV1;
  } else {
    return fail(ErrorCode::kInvalidInput,
                "_type " + quote(type) + " is not an in-toto Statement (expected " +
                    quote(kStatementV1) + " or " + quote(kStatementV01) + ")",
                type_node.location());
  }
  ASSAY_TRY(const json::Reader subjects, node.at("subject"));
  ASSAY_TRY(const std::size_t count, subjects.array_size());
  if (count == 0) {
    return fail(ErrorCode::kInvalidInput,
                "\"subject\" is empty; a statement must name what it is about",
                subjects.location());
  }
  if (count > kMaxSubjects) {
    return fail(ErrorCode::kInvalidInput, "more than " + std::to_string(kMaxSubjects) + " subjects",
                subjects.location());
  }
  statement.subjects.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    ASSAY_TRY(const json::Reader item, subjects.at(index));
    ASSAY_TRY(Subject subject, read_subject(item, statement.version));
    statement.subjects.push_back(std::move(subject));
  }
  ASSAY_TRY(const json::Reader predicate_type, node.at("predicateType"));
  ASSAY_TRY(statement.predicate_type, predicate_type.as_string());
  if (statement.predicate_type.empty()) {
    return fail(ErrorCode::kInvalidInput, "\"predicateType\" is empty", predicate_type.location());
  }
  if (const std::optional<json::Reader> predicate = node.find("predicate")) {
    if (!predicate->node().is_object()) {
      return tl::unexpected(predicate->type_error("object (the predicate)"));
    }
    statement.predicate = predicate->node();
  } else {
    statement.predicate = json::Json::object();
  }
  return statement;
}

Result<Statement> parse_statement(std::string_view json, std::string_view source,
                                  const InputLimits& limits) {
  ASSAY_TRY(const json::Json document, json::parse(json, source, limits));
  return read_statement(json::Reader(document, std::string(source)));
}

Result<std::vector<Attestation>> read_attestations(std::string_view bytes, std::string_view source,
                                                   const InputLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "attestation file is larger than " + std::to_string(limits.max_bytes) + " bytes",
                std::string(source));
  }
  std::vector<Attestation> out;
  AttestationReader reader(limits, out);
  // One JSON document, or JSON Lines. A document that parses as a whole is read as one, so a
  // pretty-printed bundle is not mistaken for lines.
  if (auto whole = json::parse(bytes, source, limits)) {
    ASSAY_TRY_VOID(reader.read_document(json::Reader(*whole, std::string(source))));
    tidy_root_locations(out, 0);
  } else {
    // Not one document: read it as JSON Lines, unless it has only one non-blank line, in which
    // case the whole-document error is the one to report.
    std::vector<std::pair<std::size_t, std::string_view>> lines;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start <= bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string_view::npos) {
        end = bytes.size();
      }
      ++line_number;
      const std::string_view line = trim(bytes.substr(start, end - start));
      if (!line.empty()) {
        lines.emplace_back(line_number, line);
      }
      start = end + 1;
    }
    if (lines.size() <= 1) {
      return tl::unexpected(whole.error());
    }
    for (const auto& [number, line] : lines) {
      const std::string line_source = std::string(source) + ":" + std::to_string(number);
      ASSAY_TRY(const json::Json document, json::parse(line, line_source, limits));
      const std::size_t before = out.size();
      ASSAY_TRY_VOID(reader.read_document(json::Reader(document, line_source)));
      tidy_root_locations(out, before);
    }
  }
  if (out.empty()) {
    return fail(ErrorCode::kInvalidInput, "no attestation found", std::string(source));
  }
  return out;
}

Check match_subject(const Statement& statement, const digest::Digests& artefact,
                    std::string_view subject_name) {
  Check check;
  check.id = "intoto.subject";
  check.description = "the artefact's digest is one of the statement's subjects";
  if (!subject_name.empty()) {
    check.description += " named " + quote(subject_name);
  }
  std::size_t comparable = 0;
  std::vector<std::string> compared;
  for (const Subject& subject : statement.subjects) {
    const bool name_ok = subject_name.empty() || subject.name == subject_name;
    for (const auto& [key, value] : subject.digest) {
      const std::optional<digest::Algorithm> algorithm = digest::algorithm_from_name(key);
      if (!algorithm || !digest::is_accepted(*algorithm)) {
        continue;
      }
      ++comparable;
      if (name_ok && ascii_lower(value) == artefact.get(*algorithm)) {
        check.outcome = Outcome::kPass;
        check.detail = "subject " + quote(subject.name) + " " +
                       std::string(digest::to_string(*algorithm)) + ":" + ascii_lower(value);
        return check;
      }
      if (compared.size() < 5) {
        compared.push_back(quote(subject.name) + " " + std::string(digest::to_string(*algorithm)) +
                           ":" + ascii_lower(value));
      }
    }
  }
  check.outcome = Outcome::kFail;
  if (comparable == 0) {
    check.detail =
        "no subject has a SHA-256, SHA-384 or SHA-512 digest, so the artefact cannot be bound to "
        "this statement";
    return check;
  }
  check.detail = "artefact sha256:" + artefact.sha256 + " matches none of " +
                 std::to_string(comparable) + " subject digest(s): " + join(compared, ", ");
  if (!subject_name.empty()) {
    check.detail += " (only subjects named " + quote(subject_name) + " are accepted)";
  }
  return check;
}

}  // namespace assay::verify::intoto
