// Verification results and their rendering.
#include "assay/verify/verification.h"

#include <nlohmann/json.hpp>

namespace assay::verify {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass:
      return "pass";
    case Outcome::kFail:
      return "fail";
    case Outcome::kSkipped:
      return "skipped";
  }
  return "skipped";
}

void Verification::add(std::string id, std::string description, Outcome outcome,
                       std::string detail) {
  checks.push_back(Check{std::move(id), std::move(description), outcome, std::move(detail)});
}

Outcome Verification::outcome() const {
  bool any_pass = false;
  for (const Check& check : checks) {
    if (check.outcome == Outcome::kFail) {
      return Outcome::kFail;
    }
    any_pass = any_pass || check.outcome == Outcome::kPass;
  }
  return any_pass ? Outcome::kPass : Outcome::kSkipped;
}

std::string Verification::first_failure() const {
  for (const Check& check : checks) {
    if (check.outcome == Outcome::kFail) {
      return check.detail.empty() ? check.description : check.detail;
    }
  }
  return {};
}

std::string to_text(const Verification& verification) {
  std::string out = verification.method;
  if (!verification.subject.empty()) {
    out += " of " + verification.subject;
  }
  out += "\n";
  if (!verification.trust_root.empty()) {
    out += "  trust root: " + verification.trust_root + "\n";
  }
  if (!verification.identity.empty()) {
    out += "  identity:   " + verification.identity + "\n";
  }
  for (const Check& check : verification.checks) {
    out +=
        "  [" + std::string(to_string(check.outcome)) + "] " + check.id + ": " + check.description;
    if (!check.detail.empty()) {
      out += " (" + check.detail + ")";
    }
    out += "\n";
  }
  out += "  result: " + std::string(to_string(verification.outcome())) + "\n";
  return out;
}

std::string to_text(const std::vector<Verification>& verifications) {
  std::string out;
  for (const Verification& verification : verifications) {
    out += to_text(verification);
  }
  return out;
}

std::string to_json(const std::vector<Verification>& verifications, int indent) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  Outcome overall = Outcome::kSkipped;
  for (const Verification& verification : verifications) {
    nlohmann::ordered_json item;
    item["method"] = verification.method;
    item["subject"] = verification.subject;
    item["trust_root"] = verification.trust_root;
    item["identity"] = verification.identity;
    item["outcome"] = to_string(verification.outcome());
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const Check& check : verification.checks) {
      checks.push_back({{"id", check.id},
                        {"description", check.description},
                        {"outcome", to_string(check.outcome)},
                        {"detail", check.detail}});
    }
    item["checks"] = std::move(checks);
    list.push_back(std::move(item));
    const Outcome one = verification.outcome();
    if (one == Outcome::kFail || (one == Outcome::kPass && overall == Outcome::kSkipped)) {
      overall = one == Outcome::kFail ? Outcome::kFail : Outcome::kPass;
    }
  }
  nlohmann::ordered_json root;
  root["outcome"] = to_string(overall);
  root["verifications"] = std::move(list);
  return root.dump(indent);
}

}  // namespace assay::verify
