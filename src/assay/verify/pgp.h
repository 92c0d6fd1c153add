// OpenPGP signature verification through GnuPG's gpgme C API: detached and clear-signed
// signatures, each checked in its own temporary, isolated GNUPGHOME that holds only the supplied
// public key, and accepted only when the signature is good AND made by the expected key
// fingerprint. GnuPG never fetches keys or contacts a network here.
#ifndef ASSAY_VERIFY_PGP_H_
#define ASSAY_VERIFY_PGP_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/verify/verification.h"

namespace assay::verify::pgp {

// Largest public key, signature or signed document accepted (security.txt files are far smaller;
// release tarballs are verified detached, so the data itself is not bounded by this).
inline constexpr std::size_t kMaxKeyBytes = 1024 * 1024;
inline constexpr std::size_t kMaxSignatureBytes = 1024 * 1024;

// Normalises a fingerprint for comparison: spaces removed, upper case; it must then be exactly 40
// hex characters (a v4 fingerprint; short and long key ids are refused because they can collide).
// Fails with kInvalidInput naming the problem.
[[nodiscard]] Result<std::string> normalize_fingerprint(std::string_view fingerprint);

struct KeySpec {
  std::string public_key;            // ASCII-armoured or binary OpenPGP public key(s)
  std::string expected_fingerprint;  // any spacing or case; see normalize_fingerprint()
};

// Verifies the detached signature `signature` (armoured or binary) over `data`. Returns method
// "openpgp", trust_root = the expected fingerprint, identity = the signer's primary fingerprint and
// user id when good, with checks:
//   "openpgp.key"        the supplied key imported and contains the expected fingerprint;
//   "openpgp.signature"  one per signature: pass when the status is good (not bad, expired,
//                        revoked or made with an unknown key), fail otherwise;
//   "openpgp.signer"     pass when a good signature was made by the expected key (its primary
//                        fingerprint or the signing subkey's), fail otherwise;
//   "openpgp.hash"       fail when a signature uses MD5 or SHA-1.
// A signature that is bad makes the whole verification fail even if another one is good. Fails
// (Result error) with kInvalidInput for a malformed fingerprint or oversized input, kIo when the
// temporary home cannot be created or GnuPG cannot be run. Each call creates and removes its own
// home (mkdtemp, mode 0700) and stops the gpg-agent for it; calls may run concurrently.
[[nodiscard]] Result<Verification> verify_detached(std::string_view data,
                                                   std::string_view signature, const KeySpec& key);

struct CleartextResult {
  Verification verification;
  // The signed text as GnuPG recovered it (dash-escaping removed, line endings as signed); empty
  // when verification did not reach a good signature.
  std::string signed_text;
};

// Verifies a clear-signed message ("-----BEGIN PGP SIGNED MESSAGE-----"), with the same checks and
// errors as verify_detached().
[[nodiscard]] Result<CleartextResult> verify_cleartext(std::string_view message,
                                                       const KeySpec& key);

}  // namespace assay::verify::pgp

#endif  // ASSAY_VERIFY_PGP_H_
