#include "assay/formats/openvex.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "assay/core/strings.h"
#include "assay/formats/advisory_json.h"
#include "assay/formats/schema.h"

namespace assay::formats {

namespace {

using internal::JsonWalker;
using json::Json;

constexpr std::array<std::string_view, 5> kJustifications = {
    "component_not_present", "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path",
    "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist"};

// The members OpenVEX 0.2.0 defines at each level (its JSON schema permits no others).
using Members = std::span<const std::string_view>;
constexpr std::string_view kDocumentMembers[] = {"@context", "@id",       "author",
                                                 "role",     "timestamp", "last_updated",
                                                 "version",  "tooling",   "statements"};
constexpr std::string_view kStatementMembers[] = {"@id",
                                                  "version",
                                                  "vulnerability",
                                                  "timestamp",
                                                  "last_updated",
                                                  "products",
                                                  "status",
                                                  "supplier",
                                                  "status_notes",
                                                  "justification",
                                                  "impact_statement",
                                                  "action_statement",
                                                  "action_statement_timestamp"};
constexpr std::string_view kVulnerabilityMembers[] = {"@id", "name", "description", "aliases"};
constexpr std::string_view kProductMembers[] = {"@id", "identifiers", "hashes", "subcomponents"};
constexpr std::string_view kSubcomponentMembers[] = {"@id", "identifiers", "hashes"};
constexpr std::string_view kIdentifierMembers[] = {"purl", "cpe22", "cpe23"};
constexpr std::string_view kHashMembers[] = {
    "md5",      "sha1",     "sha-256",  "sha-384",     "sha-512",     "sha3-224",
    "sha3-256", "sha3-384", "sha3-512", "blake2s-256", "blake2b-256", "blake2b-512"};

std::optional<model::VexStatus> status_from(std::string_view text) {
  if (text == "not_affected") {
    return model::VexStatus::kNotAffected;
  }
  if (text == "affected") {
    return model::VexStatus::kAffected;
  }
  if (text == "fixed") {
    return model::VexStatus::kFixed;
  }
  if (text == "under_investigation") {
    return model::VexStatus::kUnderInvestigation;
  }
  return std::nullopt;
}

// The OpenVEX hash algorithm names that map onto Assay's "<algorithm>:<hex>" form.
std::string hash_label(std::string_view algorithm) {
  if (algorithm == "sha-256") {
    return "sha256";
  }
  if (algorithm == "sha-384") {
    return "sha384";
  }
  if (algorithm == "sha-512") {
    return "sha512";
  }
  return std::string(algorithm);
}

class OpenVexReader {
 public:
  OpenVexReader(std::string source, DiagnosticSink& sink)
      : walk_(std::move(source), sink, "OPENVEX-TYPE") {}

  model::VexDocument read(const Json& root) {
    model::VexDocument document;
    document.format = "openvex";
    const std::string context = walk_.string(root, "@context", "");
    if (context.empty()) {
      walk_.error("OPENVEX-REQUIRED",
                  "\"@context\" is missing; OpenVEX 0.2.0 documents name "
                  "https://openvex.dev/ns/v0.2.0",
                  "");
    } else if (context.find("/v0.0.1") != std::string::npos) {
      legacy_ = true;
    }
    check_members(root, kDocumentMembers, "");
    document.id = walk_.string(root, "@id", "");
    document.author = walk_.string(root, "author", "");
    document.timestamp = walk_.string(root, "timestamp", "");
    document.version = version_text(root, "");
    require(root, "@id", "");
    require(root, "author", "");
    require(root, "timestamp", "");
    require(root, "version", "");
    check_timestamp(document.timestamp, "/timestamp");
    check_timestamp(walk_.string(root, "last_updated", ""), "/last_updated");

    const Json* statements = walk_.array(root, "statements", "");
    if (statements == nullptr) {
      if (!JsonWalker::member(root, "statements")) {
        walk_.error("OPENVEX-REQUIRED",
                    "\"statements\" is missing; a VEX document states "
                    "something about at least one vulnerability",
                    "");
      }
    } else {
      if (statements->empty()) {
        walk_.error("OPENVEX-REQUIRED",
                    "\"statements\" is empty; a VEX document states "
                    "something about at least one vulnerability",
                    "/statements");
      }
      std::size_t index = 0;
      for (const Json& item : *statements) {
        const std::string pointer = json::pointer_append("/statements", index++);
        if (!item.is_object()) {
          walk_.error("OPENVEX-TYPE",
                      "a statement must be an object, found " + std::string(json::type_name(item)),
                      pointer);
          continue;
        }
        read_statement(item, pointer, document);
      }
    }
    report_unknown_members();
    if (legacy_ || statements_in_legacy_form_) {
      walk_.warning("OPENVEX-LEGACY",
                    "this is the OpenVEX 0.0.1 form (plain-string vulnerability or products); it "
                    "was read, but 0.2.0 names the vulnerability as {\"name\": ...} and products "
                    "as {\"@id\": ...}",
                    "");
    }
    return document;
  }

 private:
  // The document or statement version: an integer in 0.2.0, a string in some 0.0.1 documents.
  std::string version_text(const Json& object, std::string_view pointer) {
    const Json* value = JsonWalker::member(object, "version");
    if (value == nullptr) {
      return {};
    }
    if (value->is_number_integer()) {
      const auto number = value->get<std::int64_t>();
      if (number < 1) {
        walk_.error("OPENVEX-TYPE",
                    "\"version\" must be at least 1, found " + std::to_string(number),
                    json::pointer_append(pointer, "version"));
      }
      return std::to_string(number);
    }
    if (value->is_string()) {
      legacy_ = true;
      return value->get<std::string>();
    }
    walk_.error("OPENVEX-TYPE",
                "\"version\" must be an integer, found " + std::string(json::type_name(*value)),
                json::pointer_append(pointer, "version"));
    return {};
  }

  void require(const Json& object, std::string_view key, std::string_view pointer) {
    if (JsonWalker::member(object, key) == nullptr) {
      walk_.error("OPENVEX-REQUIRED", "\"" + std::string(key) + "\" is missing", pointer);
    }
  }

  void check_timestamp(const std::string& value, std::string_view pointer) {
    if (value.empty()) {
      return;
    }
    const std::string problem = check_string_format("date-time", value);
    if (!problem.empty()) {
      walk_.error("OPENVEX-TIMESTAMP", quote(value) + " " + problem, pointer);
    }
  }

  // One product or subcomponent: an object with @id and/or identifiers and hashes (0.2.0), or a
  // plain string (0.0.1).
  std::optional<model::VexProduct> read_product(const Json& item, const std::string& pointer,
                                                bool subcomponent) {
    model::VexProduct product;
    if (item.is_string()) {
      statements_in_legacy_form_ = true;
      product.id = item.get<std::string>();
    } else if (item.is_object()) {
      check_members(item, subcomponent ? Members(kSubcomponentMembers) : Members(kProductMembers),
                    pointer);
      product.id = walk_.string(item, "@id", pointer);
      if (const Json* identifiers = walk_.object(item, "identifiers", pointer)) {
        const std::string here = json::pointer_append(pointer, "identifiers");
        check_members(*identifiers, kIdentifierMembers, here);
        product.purl = walk_.string(*identifiers, "purl", here);
        product.cpe = walk_.string(*identifiers, "cpe23", here);
        if (product.cpe.empty()) {
          product.cpe = walk_.string(*identifiers, "cpe22", here);
        }
      }
      if (const Json* hashes = walk_.object(item, "hashes", pointer)) {
        check_members(*hashes, kHashMembers, json::pointer_append(pointer, "hashes"));
        for (const auto& [algorithm, value] : hashes->items()) {
          if (value.is_string()) {
            product.hashes.push_back(hash_label(algorithm) + ":" +
                                     ascii_lower(value.get<std::string>()));
          } else {
            walk_.error("OPENVEX-TYPE",
                        "a hash must be a string, found " + std::string(json::type_name(value)),
                        json::pointer_append(json::pointer_append(pointer, "hashes"), algorithm));
          }
        }
      }
    } else {
      walk_.error("OPENVEX-TYPE",
                  "a product must be an object or (0.0.1) a string, found " +
                      std::string(json::type_name(item)),
                  pointer);
      return std::nullopt;
    }
    if (product.id.empty() && product.purl.empty() && product.cpe.empty()) {
      walk_.error("OPENVEX-PRODUCT",
                  "the product has neither \"@id\" nor \"identifiers\"; nothing says what it is",
                  pointer);
      return std::nullopt;
    }
    // An @id that is a purl or a CPE identifies the product as well as identifiers would.
    if (product.purl.empty() && product.id.starts_with("pkg:")) {
      product.purl = product.id;
    }
    if (product.cpe.empty() && product.id.starts_with("cpe:")) {
      product.cpe = product.id;
    }
    return product;
  }

  std::vector<model::VexProduct> read_products(const Json& object, std::string_view key,
                                               const std::string& pointer) {
    const bool subcomponent = key == "subcomponents";
    std::vector<model::VexProduct> products;
    const Json* items = walk_.array(object, key, pointer);
    if (items == nullptr) {
      return products;
    }
    const std::string here = json::pointer_append(pointer, key);
    std::size_t index = 0;
    for (const Json& item : *items) {
      if (auto product = read_product(item, json::pointer_append(here, index++), subcomponent)) {
        products.push_back(std::move(*product));
      }
    }
    return products;
  }

  void read_statement(const Json& item, const std::string& pointer, model::VexDocument& document) {
    model::VexStatement statement;
    check_members(item, kStatementMembers, pointer);
    statement.ref = walk_.string(item, "@id", pointer);
    statement.source_document = walk_.source();
    statement.source_location = walk_.where(pointer);
    statement.supplier = walk_.string(item, "supplier", pointer);
    if (statement.supplier.empty()) {
      statement.supplier = document.author;
    }
    // The vulnerability: {"name", "@id", "aliases"} in 0.2.0, a plain string in 0.0.1.
    if (const Json* vulnerability = JsonWalker::member(item, "vulnerability")) {
      if (vulnerability->is_string()) {
        statements_in_legacy_form_ = true;
        statement.vulnerability = vulnerability->get<std::string>();
      } else if (vulnerability->is_object()) {
        const std::string here = json::pointer_append(pointer, "vulnerability");
        check_members(*vulnerability, kVulnerabilityMembers, here);
        statement.vulnerability = walk_.string(*vulnerability, "name", here);
        if (statement.vulnerability.empty()) {
          statement.vulnerability = walk_.string(*vulnerability, "@id", here);
          walk_.error("OPENVEX-REQUIRED", "the vulnerability has no \"name\"", here);
        }
        statement.aliases = walk_.strings(*vulnerability, "aliases", here);
      } else {
        walk_.error("OPENVEX-TYPE",
                    "\"vulnerability\" must be an object, found " +
                        std::string(json::type_name(*vulnerability)),
                    json::pointer_append(pointer, "vulnerability"));
      }
    } else {
      walk_.error("OPENVEX-REQUIRED", "the statement names no vulnerability", pointer);
    }
    if (statement.vulnerability.empty()) {
      return;
    }

    statement.products = read_products(item, "products", pointer);
    // 0.0.1 put subcomponents beside the products; 0.2.0 nests them in each product.
    statement.subcomponents = read_products(item, "subcomponents", pointer);
    if (const Json* products = JsonWalker::member(item, "products");
        products && products->is_array()) {
      std::size_t index = 0;
      for (const Json& product : *products) {
        const std::string here =
            json::pointer_append(json::pointer_append(pointer, "products"), index++);
        if (product.is_object()) {
          for (model::VexProduct& sub : read_products(product, "subcomponents", here)) {
            statement.subcomponents.push_back(std::move(sub));
          }
        }
      }
    }
    if (statement.products.empty()) {
      walk_.error("OPENVEX-PRODUCT",
                  "the statement names no product, so it cannot apply to anything", pointer);
    }

    const std::string status_text = walk_.string(item, "status", pointer);
    const auto status = status_from(status_text);
    if (status_text.empty()) {
      walk_.error("OPENVEX-REQUIRED", "the statement has no \"status\"", pointer);
      return;
    }
    if (!status) {
      walk_.error("OPENVEX-STATUS",
                  "unknown status " + quote(status_text) +
                      "; use not_affected, affected, fixed or under_investigation",
                  json::pointer_append(pointer, "status"));
      return;
    }
    statement.status = *status;
    statement.justification = walk_.string(item, "justification", pointer);
    statement.impact_statement = walk_.string(item, "impact_statement", pointer);
    statement.action_statement = walk_.string(item, "action_statement", pointer);
    statement.status_notes = walk_.string(item, "status_notes", pointer);
    statement.timestamp = walk_.string(item, "timestamp", pointer);
    statement.last_updated = walk_.string(item, "last_updated", pointer);
    check_timestamp(statement.timestamp, json::pointer_append(pointer, "timestamp"));
    check_timestamp(statement.last_updated, json::pointer_append(pointer, "last_updated"));
    if (statement.timestamp.empty()) {
      statement.timestamp = document.timestamp;  // statements inherit the document's timestamp
    }
    if (!statement.justification.empty() && !is_openvex_justification(statement.justification)) {
      walk_.error("OPENVEX-JUSTIFICATION",
                  "unknown justification " + quote(statement.justification) +
                      "; use component_not_present, vulnerable_code_not_present, "
                      "vulnerable_code_not_in_execute_path, "
                      "vulnerable_code_cannot_be_controlled_by_adversary or "
                      "inline_mitigations_already_exist",
                  json::pointer_append(pointer, "justification"));
    }
    if (statement.status == model::VexStatus::kNotAffected && statement.justification.empty() &&
        statement.impact_statement.empty()) {
      walk_.error("OPENVEX-JUSTIFICATION",
                  "a not_affected statement needs a \"justification\" or an "
                  "\"impact_statement\" saying why the product is not affected",
                  pointer);
    }
    if (statement.status == model::VexStatus::kAffected && statement.action_statement.empty()) {
      walk_.error("OPENVEX-ACTION",
                  "an affected statement needs an \"action_statement\" telling users what to do",
                  pointer);
    }
    document.statements.push_back(std::move(statement));
  }

  // Records members `object` has that OpenVEX does not define at this level; reported at the end,
  // as errors for 0.2.0 documents and warnings for the 0.0.1 form (which had other members).
  void check_members(const Json& object, Members allowed, std::string_view pointer) {
    if (!object.is_object()) {
      return;
    }
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        unknown_.emplace_back(key, json::pointer_append(pointer, key));
      }
    }
  }

  void report_unknown_members() {
    const bool legacy = legacy_ || statements_in_legacy_form_;
    for (const auto& [key, pointer] : unknown_) {
      const std::string message =
          "member " + quote(key) + " is not part of OpenVEX 0.2.0 and is ignored (misspelt?)";
      if (legacy) {
        walk_.warning("OPENVEX-UNKNOWN", message, pointer);
      } else {
        walk_.error("OPENVEX-UNKNOWN", message, pointer);
      }
    }
  }

  JsonWalker walk_;
  std::vector<std::pair<std::string, std::string>> unknown_;  // member, pointer
  bool legacy_ = false;
  bool statements_in_legacy_form_ = false;
};

}  // namespace

bool is_openvex_justification(std::string_view label) {
  return std::find(kJustifications.begin(), kJustifications.end(), label) != kJustifications.end();
}

bool looks_like_openvex(const json::Json& root) {
  if (!root.is_object()) {
    return false;
  }
  const auto context = root.find("@context");
  return context != root.end() && context->is_string() &&
         context->get_ref<const std::string&>().find("openvex.dev/ns") != std::string::npos;
}

Parsed<model::VexDocument> read_openvex_json(const json::Json& root, std::string_view source) {
  DiagnosticSink sink;
  OpenVexReader reader(std::string(source), sink);
  Parsed<model::VexDocument> result;
  result.value = reader.read(root);
  result.diagnostics = sink.take();
  return result;
}

Result<Parsed<model::VexDocument>> read_openvex(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (!root.is_object()) {
    return fail(
        ErrorCode::kInvalidInput,
        "an OpenVEX document must be a JSON object, found " + std::string(json::type_name(root)),
        std::string(source));
  }
  return read_openvex_json(root, source);
}

}  // namespace assay::formats
