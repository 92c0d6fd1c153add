// Verification results as values, not booleans: what was checked, against which trust root, the
// outcome of each check and why. Every verifier returns one; the assessment cites it as evidence.
#ifndef ASSAY_VERIFY_VERIFICATION_H_
#define ASSAY_VERIFY_VERIFICATION_H_

#include <string>
#include <string_view>
#include <vector>

namespace assay::verify {

enum class Outcome {
  kPass,     // the check ran and held
  kFail,     // the check ran and did not hold
  kSkipped,  // not run (nothing to check against, or not asked for); never counts as a pass
};

// "pass", "fail", "skipped".
std::string_view to_string(Outcome outcome);

struct Check {
  std::string id;           // stable dotted code, e.g. "sigstore.cert.chain", "digest.sha256"
  std::string description;  // what was checked, in words
  Outcome outcome = Outcome::kSkipped;
  std::string detail;  // the reason: observed vs expected values, the error
};

struct Verification {
  std::string method;      // "digest", "dsse", "slsa-provenance", "sigstore-bundle", "openpgp"
  std::string subject;     // what was verified: file name and/or "sha256:<hex>"
  std::string trust_root;  // what it was verified against: key fingerprint, trusted_root digest
  std::string identity;    // the signer identity established, if any (SAN, issuer, key id)
  std::vector<Check> checks;

  void add(std::string id, std::string description, Outcome outcome, std::string detail = {});

  // kFail if any check failed; kPass if at least one check passed and none failed; otherwise
  // kSkipped. Fails closed: nothing checked is never a pass.
  Outcome outcome() const;
  // The first failed check's detail, or "" when nothing failed.
  std::string first_failure() const;
};

// Human-readable rendering: one line per check, then the overall outcome.
std::string to_text(const Verification& verification);
std::string to_text(const std::vector<Verification>& verifications);
// Stable JSON rendering (documented in docs/formats/verification.md).
std::string to_json(const std::vector<Verification>& verifications, int indent = 2);

}  // namespace assay::verify

#endif  // ASSAY_VERIFY_VERIFICATION_H_
