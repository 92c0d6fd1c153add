// Fuzzes the Rekor parsers: checkpoints (signed notes), canonicalized entry bodies, and inclusion
// proofs read from the input (index, tree size, leaf, audit path, root). Oracles: a checkpoint's
// root hash is 32 bytes and its note is the start of the input; a one-leaf tree verifies exactly
// when the leaf is the root.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "assay/verify/rekor.h"

namespace {

namespace rekor = assay::verify::rekor;

std::uint64_t read_u64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (const char byte : bytes) {
    value = (value << 8) | static_cast<unsigned char>(byte);
  }
  return value;
}

void fuzz_inclusion(std::string_view bytes) {
  constexpr std::size_t kHash = 32;
  if (bytes.size() < 16 + 2 * kHash) {
    return;
  }
  // Small sizes reach every branch; keep the values in a range a path can describe.
  const std::uint64_t index = read_u64(bytes.substr(0, 8)) % 4096;
  const std::uint64_t tree_size = read_u64(bytes.substr(8, 8)) % 4097;
  const std::string_view leaf = bytes.substr(16, kHash);
  const std::string_view root = bytes.substr(16 + kHash, kHash);
  std::vector<std::string> proof;
  for (std::size_t offset = 16 + 2 * kHash; offset + kHash <= bytes.size() && proof.size() < 64;
       offset += kHash) {
    proof.emplace_back(bytes.substr(offset, kHash));
  }
  const auto verified = rekor::verify_inclusion(index, tree_size, leaf, proof, root);
  if (index == 0 && tree_size == 1 && proof.empty() && verified.has_value() != (leaf == root)) {
    std::abort();
  }
  if (verified && index >= tree_size) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto checkpoint = rekor::parse_checkpoint(bytes)) {
    if (checkpoint->root_hash.size() != 32 ||
        bytes.substr(0, checkpoint->note.size()) != std::string_view(checkpoint->note)) {
      std::abort();
    }
    if (checkpoint->signatures.size() > rekor::kMaxNoteSignatures) {
      std::abort();
    }
    for (const rekor::NoteSignature& signature : checkpoint->signatures) {
      if (signature.key_hint.size() != 4) {
        std::abort();
      }
    }
  }
  if (const auto body = rekor::parse_entry_body(bytes, "fuzz")) {
    if (body->kind.empty() || body->api_version.empty()) {
      std::abort();
    }
  }
  fuzz_inclusion(bytes);
  static_cast<void>(rekor::leaf_hash(bytes));
  return 0;
}
