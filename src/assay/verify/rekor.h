// Rekor transparency-log evidence: Merkle inclusion proofs (RFC 9162 section 2.1.3), checkpoints
// (C2SP tlog-checkpoint in a C2SP signed note, with witness cosignature lines tolerated), the
// signed entry timestamp payload of Rekor v1, and the entry bodies Sigstore bundles carry
// (hashedrekord 0.0.1/0.0.2, intoto 0.0.2, dsse 0.0.1/0.0.2), normalised for comparison.
#ifndef ASSAY_VERIFY_REKOR_H_
#define ASSAY_VERIFY_REKOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/verify/crypto.h"

namespace assay::verify::rekor {

inline constexpr InputLimits kBodyLimits{
    .max_bytes = 16ULL * 1024 * 1024,
    .max_depth = 16,
    .max_items = 10'000,
    .max_string_bytes = 16ULL * 1024 * 1024,
};
inline constexpr std::size_t kMaxCheckpointBytes = 64 * 1024;
inline constexpr std::size_t kMaxNoteSignatures = 32;

// RFC 9162 leaf hash: SHA-256(0x00 || entry).
std::string leaf_hash(std::string_view entry);

// Verifies that `leaf` (a leaf hash) is at `index` in a tree of `tree_size` leaves whose root is
// `root`, given the audit path `proof` (leaf to root). kVerifyFailed says which step failed:
// index out of range, wrong path length, or a root mismatch (with both roots in hex).
[[nodiscard]] Result<void> verify_inclusion(std::uint64_t index, std::uint64_t tree_size,
                                            std::string_view leaf,
                                            const std::vector<std::string>& proof,
                                            std::string_view root);

struct NoteSignature {
  std::string name;      // the key name on the signature line
  std::string key_hint;  // 4 bytes
  std::string signature;
};

struct Checkpoint {
  std::string origin;
  std::uint64_t tree_size = 0;
  std::string root_hash;  // raw, 32 bytes
  std::vector<std::string> extension_lines;
  std::string note;  // the signed text: every body line with its newline
  std::vector<NoteSignature> signatures;
};

// Parses a signed note holding a checkpoint. kInvalidInput when the blank-line separator, the
// origin, size or root hash lines, or any signature line are missing or malformed.
[[nodiscard]] Result<Checkpoint> parse_checkpoint(std::string_view envelope);

// Finds the signature lines whose key hint is `key_hint` and verifies them over the note with
// `key` (ECDSA over SHA-256, or Ed25519). Lines with other hints (witness cosignatures, other
// keys) are ignored. Key names are not compared: a trusted root names a log by URL, not by its
// note key name, and the hint and signature already bind the line to the key. Returns the index
// of the first line that verifies; kVerifyFailed when none does, saying whether none matched or
// which failed.
[[nodiscard]] Result<std::size_t> verify_checkpoint_signature(const Checkpoint& checkpoint,
                                                              std::string_view key_hint,
                                                              const crypto::PublicKey& key);

// The canonical JSON a Rekor v1 signed entry timestamp signs:
// {"body":"<base64>","integratedTime":N,"logID":"<hex>","logIndex":N}.
std::string signed_entry_timestamp_payload(std::string_view body, std::int64_t integrated_time,
                                           std::string_view log_id, std::int64_t log_index);

// A signature and the certificate or key that verifies it, as an entry body records them.
struct BodySignature {
  std::string signature;  // raw
  std::string verifier_der;
  bool verifier_is_certificate = false;
};

// An entry body reduced to what a bundle is compared against.
struct EntryBody {
  std::string kind;         // "hashedrekord", "intoto", "dsse"
  std::string api_version;  // "0.0.1", "0.0.2"
  // hashedrekord: the digest of the signed message (the artefact, or the DSSE PAE).
  std::optional<crypto::HashAlgorithm> data_algorithm;
  std::string data_digest;
  // intoto / dsse: the digest of the DSSE payload.
  std::optional<crypto::HashAlgorithm> payload_algorithm;
  std::string payload_digest;
  std::vector<BodySignature> signatures;
};

// Parses a canonicalized entry body. kUnsupported for kinds and versions other than those listed
// above; kInvalidInput for malformed bodies (location "source#/pointer").
[[nodiscard]] Result<EntryBody> parse_entry_body(std::string_view body, std::string_view source);

}  // namespace assay::verify::rekor

#endif  // ASSAY_VERIFY_REKOR_H_
