// OSV validation: the rules of the official OSV JSON schema (ossf/osv-schema
// validation/schema.json), written in code because no package ships the schema, and the semantic
// rules the schema cannot express. osv_conformance_test.cc compiles the official schema from the
// shared data and checks that both give the same verdict.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "assay/core/strings.h"
#include "assay/cvss/cvss.h"
#include "assay/formats/osv.h"
#include "assay/formats/osv_internal.h"
#include "assay/formats/schema.h"
#include "assay/purl/purl.h"
#include "assay/version/ecosystem.h"

namespace assay::formats {

namespace {

using json::Json;

// $defs.ecosystemName of the schema (ecosystemWithSuffix also allows "GIT").
constexpr std::array<std::string_view, 48> kEcosystems = {"AlmaLinux",
                                                          "Alpaquita",
                                                          "Alpine",
                                                          "Android",
                                                          "Azure Linux",
                                                          "BellSoft Hardened Containers",
                                                          "Bioconductor",
                                                          "Bitnami",
                                                          "Chainguard",
                                                          "CleanStart",
                                                          "ConanCenter",
                                                          "CRAN",
                                                          "crates.io",
                                                          "Debian",
                                                          "Docker Hardened Images",
                                                          "Echo",
                                                          "FreeBSD",
                                                          "GHC",
                                                          "GitHub Actions",
                                                          "Go",
                                                          "Hackage",
                                                          "Hex",
                                                          "Julia",
                                                          "Kubernetes",
                                                          "Linux",
                                                          "Mageia",
                                                          "Maven",
                                                          "MinimOS",
                                                          "npm",
                                                          "NuGet",
                                                          "opam",
                                                          "openEuler",
                                                          "openSUSE",
                                                          "OSS-Fuzz",
                                                          "Packagist",
                                                          "Photon OS",
                                                          "Pub",
                                                          "PyPI",
                                                          "Red Hat",
                                                          "Rocky Linux",
                                                          "Root",
                                                          "RubyGems",
                                                          "SUSE",
                                                          "SwiftURL",
                                                          "TuxCare",
                                                          "Ubuntu",
                                                          "VSCode",
                                                          "Wolfi"};

// $defs.prefix: the home databases an id may start with ("<prefix>-"), or "x_" for private use.
constexpr std::array<std::string_view, 59> kIdPrefixes = {
    "ASB-A",  "PUB-A",   "ALPINE",     "ALSA",    "ALBA",    "ALEA",    "AZL",         "BELL",
    "BIT",    "CGA",     "CLEANSTART", "CLSA",    "CURL",    "CVE",     "DEBIAN",      "DHI",
    "DRUPAL", "DSA",     "DLA",        "ELA",     "DTSA",    "ECHO",    "EEF",         "FreeBSD",
    "GHSA",   "GO",      "GSD",        "HSEC",    "JLSEC",   "KUBE",    "LBSEC",       "LSN",
    "MAL",    "MINI",    "MGASA",      "OESA",    "OSEC",    "OSV",     "openSUSE-SU", "PHSA",
    "PSF",    "PYSEC",   "RHBA",       "RHEA",    "RHSA",    "RLSA",    "RXSA",        "RSEC",
    "ROOT",   "RUSTSEC", "SUSE-SU",    "SUSE-RU", "SUSE-FU", "SUSE-OU", "UBUNTU",      "USN",
    "V8"};

constexpr std::array<std::string_view, 15> kRootMembers = {
    "schema_version", "id",       "modified",   "published", "withdrawn",
    "aliases",        "related",  "upstream",   "summary",   "details",
    "severity",       "affected", "references", "credits",   "database_specific"};

constexpr std::array<std::string_view, 11> kReferenceTypes = {
    "ADVISORY",   "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX",
    "INTRODUCED", "GIT",     "PACKAGE",   "EVIDENCE",   "WEB"};

constexpr std::array<std::string_view, 10> kCreditTypes = {"FINDER",
                                                           "REPORTER",
                                                           "ANALYST",
                                                           "COORDINATOR",
                                                           "REMEDIATION_DEVELOPER",
                                                           "REMEDIATION_REVIEWER",
                                                           "REMEDIATION_VERIFIER",
                                                           "TOOL",
                                                           "SPONSOR",
                                                           "OTHER"};

constexpr std::array<std::string_view, 4> kSeverityTypes = {"CVSS_V2", "CVSS_V3", "CVSS_V4",
                                                            "Ubuntu"};
constexpr std::array<std::string_view, 5> kUbuntuPriorities = {"negligible", "low", "medium",
                                                               "high", "critical"};
constexpr std::array<std::string_view, 3> kRangeTypes = {"GIT", "SEMVER", "ECOSYSTEM"};
constexpr std::array<std::string_view, 4> kEventKinds = {"introduced", "fixed", "last_affected",
                                                         "limit"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& values) {
  std::string result;
  for (std::string_view value : values) {
    if (!result.empty()) {
      result += ", ";
    }
    result += value;
  }
  return result;
}

bool is_hex_lower(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// The schema's GIT event pattern: "0", or a full SHA-1 or SHA-256 commit hash in lower case.
bool is_full_commit(std::string_view text) {
  if (text == "0") {
    return true;
  }
  return (text.size() == 40 || text.size() == 64) &&
         std::all_of(text.begin(), text.end(), is_hex_lower);
}

bool is_valid_id(std::string_view id) {
  if (id.substr(0, 2) == "x_") {
    return true;
  }
  return std::any_of(kIdPrefixes.begin(), kIdPrefixes.end(), [id](std::string_view prefix) {
    return id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix &&
           id[prefix.size()] == '-';
  });
}

// "<ecosystem>" or "<ecosystem>:<suffix>" with a non-empty suffix.
bool is_valid_ecosystem(std::string_view ecosystem) {
  const std::size_t colon = ecosystem.find(':');
  const std::string_view name = ecosystem.substr(0, colon);
  if (colon != std::string_view::npos && colon + 1 == ecosystem.size()) {
    return false;
  }
  return name == "GIT" || contains(kEcosystems, name);
}

class Validator {
 public:
  Validator(std::string_view source, std::string_view base, DiagnosticSink& sink)
      : source_(source), base_(base), sink_(sink) {}

  void validate(const Json& root) {
    if (!root.is_object()) {
      error("OSV-TYPE", "an OSV record must be a JSON object, found " + type(root), "");
      return;
    }
    for (const auto& item : root.items()) {
      if (!contains(kRootMembers, item.key())) {
        error("OSV-UNKNOWN-FIELD",
              "\"" + item.key() +
                  "\" is not an OSV field (the schema allows no other top-level members; put "
                  "database-specific data under \"database_specific\")",
              json::pointer_append("", item.key()));
      }
    }
    required(root, "", {"id", "modified"});
    string_member(root, "schema_version", "");
    if (const Json* id = string_member(root, "id", "")) {
      if (!is_valid_id(id->get_ref<const std::string&>())) {
        error("OSV-BAD-ID",
              "id " + quote(id->get_ref<const std::string&>()) +
                  " does not start with a registered database prefix followed by \"-\" (such as "
                  "GHSA-, CVE-, PYSEC-) or with \"x_\" for a private database",
              "/id");
      }
    }
    for (const char* key : {"modified", "published", "withdrawn"}) {
      timestamp(root, key);
    }
    string_array(root, "aliases", "", /*allow_null=*/true);
    string_array(root, "related", "", /*allow_null=*/false);
    string_array(root, "upstream", "", /*allow_null=*/false);
    string_member(root, "summary", "");
    string_member(root, "details", "");
    severity(root, "");
    object_member(root, "database_specific", "");
    affected(root);
    references(root);
    credits(root);
  }

 private:
  std::string where(std::string_view pointer) const {
    return std::string(source_) + "#" + std::string(base_) + std::string(pointer);
  }
  void error(const char* code, std::string message, std::string_view pointer) {
    sink_.error(code, std::move(message), where(pointer));
  }
  void warning(const char* code, std::string message, std::string_view pointer) {
    sink_.warning(code, std::move(message), where(pointer));
  }
  static std::string type(const Json& value) { return std::string(json::type_name(value)); }

  void required(const Json& object, const std::string& pointer,
                std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      if (!object.contains(key)) {
        error("OSV-MISSING-FIELD", std::string("required field \"") + key + "\" is missing",
              pointer);
      }
    }
  }

  // The member `key` when it is a string; reports a member of another type.
  const Json* string_member(const Json& object, const char* key, const std::string& pointer) {
    const auto found = object.find(key);
    if (found == object.end()) {
      return nullptr;
    }
    if (!found->is_string()) {
      error("OSV-TYPE", std::string("\"") + key + "\" must be a string, found " + type(*found),
            json::pointer_append(pointer, key));
      return nullptr;
    }
    return &*found;
  }

  const Json* object_member(const Json& object, const char* key, const std::string& pointer) {
    const auto found = object.find(key);
    if (found == object.end()) {
      return nullptr;
    }
    if (!found->is_object()) {
      error("OSV-TYPE", std::string("\"") + key + "\" must be an object, found " + type(*found),
            json::pointer_append(pointer, key));
      return nullptr;
    }
    return &*found;
  }

  // The member `key` when it is an array (null is accepted where the schema allows it and gives
  // nullptr).
  const Json* array_member(const Json& object, const char* key, const std::string& pointer,
                           bool allow_null) {
    const auto found = object.find(key);
    if (found == object.end() || (allow_null && found->is_null())) {
      return nullptr;
    }
    if (!found->is_array()) {
      error("OSV-TYPE",
            std::string("\"") + key + "\" must be an array" + (allow_null ? " or null" : "") +
                ", found " + type(*found),
            json::pointer_append(pointer, key));
      return nullptr;
    }
    return &*found;
  }

  void string_array(const Json& object, const char* key, const std::string& pointer,
                    bool allow_null) {
    const Json* array = array_member(object, key, pointer, allow_null);
    if (array == nullptr) {
      return;
    }
    const std::string here = json::pointer_append(pointer, key);
    for (std::size_t index = 0; index < array->size(); ++index) {
      if (!(*array)[index].is_string()) {
        error(
            "OSV-TYPE",
            std::string("\"") + key + "\" entries must be strings, found " + type((*array)[index]),
            json::pointer_append(here, index));
      }
    }
  }

  // $defs.timestamp: an RFC 3339 date-time in UTC with an upper-case "T" and "Z".
  void timestamp(const Json& root, const char* key) {
    const Json* value = string_member(root, key, "");
    if (value == nullptr) {
      return;
    }
    const std::string& text = value->get_ref<const std::string&>();
    const std::string problem = check_string_format("date-time", text);
    if (!problem.empty()) {
      error("OSV-BAD-TIMESTAMP",
            std::string("\"") + key + "\" is not an RFC 3339 date-time: " + problem,
            json::pointer_append("", key));
    } else if (text[10] != 'T' || text.back() != 'Z') {
      error("OSV-BAD-TIMESTAMP",
            std::string("\"") + key +
                "\" must be in UTC written as YYYY-MM-DDTHH:MM:SS[.frac]Z, "
                "found " +
                quote(text),
            json::pointer_append("", key));
    }
  }

  // $defs.severity: an array (or null) of {type, score}, each score valid for its type.
  void severity(const Json& object, const std::string& pointer) {
    const Json* array = array_member(object, "severity", pointer, /*allow_null=*/true);
    if (array == nullptr) {
      return;
    }
    const std::string here = json::pointer_append(pointer, "severity");
    for (std::size_t index = 0; index < array->size(); ++index) {
      const Json& entry = (*array)[index];
      const std::string entry_pointer = json::pointer_append(here, index);
      if (!entry.is_object()) {
        error("OSV-TYPE", "a severity must be an object, found " + type(entry), entry_pointer);
        continue;
      }
      required(entry, entry_pointer, {"type", "score"});
      const Json* kind = string_member(entry, "type", entry_pointer);
      const Json* score = string_member(entry, "score", entry_pointer);
      if (kind == nullptr) {
        continue;
      }
      const std::string& kind_text = kind->get_ref<const std::string&>();
      if (!contains(kSeverityTypes, kind_text)) {
        error("OSV-BAD-SEVERITY-TYPE",
              "severity type " + quote(kind_text) + " is not one of " + join(kSeverityTypes),
              json::pointer_append(entry_pointer, "type"));
        continue;
      }
      if (score != nullptr) {
        severity_score(kind_text, score->get_ref<const std::string&>(),
                       json::pointer_append(entry_pointer, "score"));
      }
    }
  }

  void severity_score(const std::string& kind, const std::string& score,
                      const std::string& pointer) {
    if (kind == "Ubuntu") {
      if (!contains(kUbuntuPriorities, score)) {
        error("OSV-BAD-SEVERITY",
              "an Ubuntu severity must be one of " + join(kUbuntuPriorities) + ", found " +
                  quote(score),
              pointer);
      }
      return;
    }
    const Result<cvss::Vector> vector = cvss::parse(score);
    if (!vector) {
      error("OSV-BAD-SEVERITY",
            "not a valid CVSS vector for " + kind + ": " + vector.error().message +
                (vector.error().location.empty() ? "" : " (" + vector.error().location + ")"),
            pointer);
      return;
    }
    const cvss::Version version = vector->version();
    const bool matches = kind == "CVSS_V2" ? version == cvss::Version::kV2
                         : kind == "CVSS_V3"
                             ? (version == cvss::Version::kV30 || version == cvss::Version::kV31)
                             : version == cvss::Version::kV40;
    if (!matches) {
      error("OSV-BAD-SEVERITY",
            "a CVSS " + std::string(cvss::to_string(version)) + " vector under type " + kind,
            pointer);
    } else if (kind == "CVSS_V2" && (score.front() == '(' || score.substr(0, 5) == "CVSS:")) {
      error("OSV-BAD-SEVERITY",
            "a CVSS_V2 score must be the bare vector (\"AV:N/AC:L/...\"), without a prefix or "
            "parentheses",
            pointer);
    }
  }

  void affected(const Json& root) {
    const Json* array = array_member(root, "affected", "", /*allow_null=*/true);
    if (array == nullptr) {
      return;
    }
    const bool record_severity = root.contains("severity");
    for (std::size_t index = 0; index < array->size(); ++index) {
      const Json& entry = (*array)[index];
      const std::string pointer = json::pointer_append("/affected", index);
      if (!entry.is_object()) {
        error("OSV-TYPE", "an affected entry must be an object, found " + type(entry), pointer);
        continue;
      }
      if (const Json* package = object_member(entry, "package", pointer)) {
        package_entry(*package, json::pointer_append(pointer, "package"));
      }
      severity(entry, pointer);
      if (record_severity && entry.contains("severity") && !entry["severity"].is_null()) {
        error("OSV-SEVERITY-TWICE",
              "a record with a top-level \"severity\" must not give one per affected package too",
              json::pointer_append(pointer, "severity"));
      }
      if (const Json* ranges = array_member(entry, "ranges", pointer, /*allow_null=*/false)) {
        const std::string ranges_pointer = json::pointer_append(pointer, "ranges");
        for (std::size_t range_index = 0; range_index < ranges->size(); ++range_index) {
          range((*ranges)[range_index], json::pointer_append(ranges_pointer, range_index));
        }
      }
      string_array(entry, "versions", pointer, /*allow_null=*/false);
      object_member(entry, "ecosystem_specific", pointer);
      object_member(entry, "database_specific", pointer);
    }
  }

  void package_entry(const Json& package, const std::string& pointer) {
    required(package, pointer, {"ecosystem", "name"});
    if (const Json* ecosystem = string_member(package, "ecosystem", pointer)) {
      const std::string& text = ecosystem->get_ref<const std::string&>();
      if (!is_valid_ecosystem(text)) {
        error("OSV-BAD-ECOSYSTEM",
              "ecosystem " + quote(text) +
                  " is not an OSV ecosystem (optionally followed by \":<suffix>\"), such as npm, "
                  "PyPI, Maven, Go, Debian:12",
              json::pointer_append(pointer, "ecosystem"));
      } else if (version::find_ecosystem(text) == nullptr) {
        warning("OSV-UNKNOWN-ECOSYSTEM",
                "ecosystem " + quote(text) +
                    " is not one Assay knows; its versions are compared with the generic order",
                json::pointer_append(pointer, "ecosystem"));
      }
    }
    if (const Json* name = string_member(package, "name", pointer)) {
      if (name->get_ref<const std::string&>().empty()) {
        error("OSV-PACKAGE-INCOMPLETE", "the package name is empty",
              json::pointer_append(pointer, "name"));
      }
    }
    if (const Json* purl_value = string_member(package, "purl", pointer)) {
      const Result<purl::Purl> parsed = purl::parse(purl_value->get_ref<const std::string&>());
      if (!parsed) {
        error("OSV-BAD-PURL",
              "invalid package URL " + quote(purl_value->get_ref<const std::string&>()) + ": " +
                  parsed.error().message,
              json::pointer_append(pointer, "purl"));
      }
    }
  }

  void range(const Json& range_json, const std::string& pointer) {
    if (!range_json.is_object()) {
      error("OSV-TYPE", "a range must be an object, found " + type(range_json), pointer);
      return;
    }
    required(range_json, pointer, {"type", "events"});
    bool git = false;
    if (const Json* kind = string_member(range_json, "type", pointer)) {
      const std::string& text = kind->get_ref<const std::string&>();
      git = text == "GIT";
      if (!contains(kRangeTypes, text)) {
        error("OSV-BAD-RANGE-TYPE",
              "range type must be SEMVER, ECOSYSTEM or GIT, found " + quote(text),
              json::pointer_append(pointer, "type"));
      }
    }
    if (git && !range_json.contains("repo")) {
      error("OSV-MISSING-FIELD", "a GIT range needs the \"repo\" it refers to", pointer);
    }
    string_member(range_json, "repo", pointer);
    object_member(range_json, "database_specific", pointer);
    const Json* events = array_member(range_json, "events", pointer, /*allow_null=*/false);
    if (events == nullptr) {
      return;
    }
    const std::string here = json::pointer_append(pointer, "events");
    if (events->empty()) {
      error("OSV-NO-EVENTS", "a range needs at least one event", here);
      return;
    }
    bool introduced = false;
    bool fixed = false;
    bool last_affected = false;
    std::set<std::string> seen;
    for (std::size_t index = 0; index < events->size(); ++index) {
      const Json& event = (*events)[index];
      const std::string event_pointer = json::pointer_append(here, index);
      if (!event.is_object()) {
        error("OSV-TYPE", "an event must be an object, found " + type(event), event_pointer);
        introduced = true;  // the schema's "contains" counts a non-object; reported above
        continue;
      }
      introduced = introduced || event.contains("introduced");
      fixed = fixed || event.contains("fixed");
      last_affected = last_affected || event.contains("last_affected");
      // oneOf: exactly one of the four kinds, given as a string (for GIT, a full commit hash).
      std::size_t kinds = 0;
      for (std::string_view kind : kEventKinds) {
        const auto found = event.find(std::string(kind));
        if (found == event.end()) {
          continue;
        }
        ++kinds;
        if (!found->is_string()) {
          error("OSV-TYPE",
                "event \"" + std::string(kind) + "\" must be a string, found " + type(*found),
                json::pointer_append(event_pointer, kind));
          continue;
        }
        const std::string& value = found->get_ref<const std::string&>();
        if (git && !is_full_commit(value)) {
          error("OSV-BAD-GIT-COMMIT",
                "GIT range events must be full 40- or 64-character lower-case commit hashes (or "
                "\"0\"), found " +
                    quote(value),
                json::pointer_append(event_pointer, kind));
          continue;
        }
        if (value.empty()) {
          error("OSV-EMPTY-EVENT", "event \"" + std::string(kind) + "\" has an empty version",
                json::pointer_append(event_pointer, kind));
        } else if (!seen.insert(value).second) {
          error("OSV-EVENTS-NOT-DISTINCT",
                "version " + quote(value) +
                    " appears in more than one event of this range, which makes the range "
                    "contradictory or redundant",
                json::pointer_append(event_pointer, kind));
        }
      }
      if (kinds == 0) {
        error("OSV-BAD-EVENT",
              "an event must have one of \"introduced\", \"fixed\", \"last_affected\" or "
              "\"limit\"",
              event_pointer);
      } else if (kinds > 1) {
        error("OSV-BAD-EVENT",
              "an event must have exactly one of \"introduced\", \"fixed\", \"last_affected\" or "
              "\"limit\"; split it into one event per kind",
              event_pointer);
      }
    }
    if (!introduced) {
      error("OSV-NO-INTRODUCED", "a range needs at least one \"introduced\" event", here);
    }
    if (fixed && last_affected) {
      error("OSV-FIXED-AND-LAST-AFFECTED",
            "a range must not have both \"fixed\" and \"last_affected\" events", here);
    }
  }

  void references(const Json& root) {
    const Json* array = array_member(root, "references", "", /*allow_null=*/true);
    if (array == nullptr) {
      return;
    }
    for (std::size_t index = 0; index < array->size(); ++index) {
      const Json& entry = (*array)[index];
      const std::string pointer = json::pointer_append("/references", index);
      if (!entry.is_object()) {
        error("OSV-TYPE", "a reference must be an object, found " + type(entry), pointer);
        continue;
      }
      required(entry, pointer, {"type", "url"});
      if (const Json* kind = string_member(entry, "type", pointer)) {
        const std::string& text = kind->get_ref<const std::string&>();
        if (!contains(kReferenceTypes, text)) {
          error("OSV-BAD-REFERENCE-TYPE",
                "reference type " + quote(text) + " is not one of " + join(kReferenceTypes),
                json::pointer_append(pointer, "type"));
        }
      }
      if (const Json* url = string_member(entry, "url", pointer)) {
        const std::string problem = check_string_format("uri", url->get_ref<const std::string&>());
        if (!problem.empty()) {
          error("OSV-BAD-URL", "reference url is not an absolute URI: " + problem,
                json::pointer_append(pointer, "url"));
        }
      }
    }
  }

  void credits(const Json& root) {
    const Json* array = array_member(root, "credits", "", /*allow_null=*/false);
    if (array == nullptr) {
      return;
    }
    for (std::size_t index = 0; index < array->size(); ++index) {
      const Json& entry = (*array)[index];
      const std::string pointer = json::pointer_append("/credits", index);
      if (!entry.is_object()) {
        error("OSV-TYPE", "a credit must be an object, found " + type(entry), pointer);
        continue;
      }
      required(entry, pointer, {"name"});
      string_member(entry, "name", pointer);
      string_array(entry, "contact", pointer, /*allow_null=*/false);
      if (const Json* kind = string_member(entry, "type", pointer)) {
        const std::string& text = kind->get_ref<const std::string&>();
        if (!contains(kCreditTypes, text)) {
          error("OSV-BAD-CREDIT-TYPE",
                "credit type " + quote(text) + " is not one of " + join(kCreditTypes),
                json::pointer_append(pointer, "type"));
        }
      }
    }
  }

  std::string_view source_;
  std::string_view base_;
  DiagnosticSink& sink_;
};

}  // namespace

std::vector<Diagnostic> validate_osv(const json::Json& record, std::string_view source,
                                     std::string_view pointer) {
  DiagnosticSink sink;
  Validator(source, pointer, sink).validate(record);
  return sink.take();
}

Result<std::vector<Diagnostic>> validate_osv_json(std::string_view text, std::string_view source,
                                                  const InputLimits& limits) {
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  return validate_osv(root, source);
}

Result<std::vector<Diagnostic>> validate_osv_yaml(std::string_view text, std::string_view source,
                                                  const InputLimits& limits) {
  ASSAY_TRY(const json::Json root, internal::osv_yaml_to_json(text, source, limits));
  return validate_osv(root, source);
}

}  // namespace assay::formats
