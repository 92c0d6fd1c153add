// assay verify artifact | bundle: checks a release artefact against its digest, its Sigstore
// bundle (keyless identity or managed key, offline, against a trusted root file), its SLSA
// provenance and its OpenPGP signature, and prints every check. Exit 0 verified, 1 not, 2 error.
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "assay/core/file.h"
#include "assay/core/strings.h"
#include "assay/verify/crypto.h"
#include "assay/verify/digest.h"
#include "assay/verify/dsse.h"
#include "assay/verify/intoto.h"
#include "assay/verify/pgp.h"
#include "assay/verify/sigstore_verify.h"
#include "assay/verify/slsa.h"
#include "assay/verify/verification.h"

#include "cli.h"

namespace assay::cli {

namespace {

namespace sig = verify::sigstore;

// Artefacts larger than this are hashed as a stream but not held in memory, so checks that need
// the bytes themselves (Ed25519 and P-384 message signatures, OpenPGP) refuse them.
constexpr std::uint64_t kMaxArtefactBytesInMemory = 512ULL * 1024 * 1024;
constexpr std::uint64_t kMaxBundleBytes = sig::kBundleLimits.max_bytes;
constexpr std::uint64_t kMaxTrustedRootBytes = sig::kTrustedRootLimits.max_bytes;
constexpr std::uint64_t kMaxKeyBytes = 1024 * 1024;
constexpr std::uint64_t kMaxProvenanceBytes = verify::intoto::kStatementLimits.max_bytes;

struct SigstoreOptions {
  std::string bundle;
  std::string trusted_root;
  std::string identity;
  std::string issuer;
  std::string identity_regex;
  std::string issuer_regex;
  std::string key;  // PEM public key (managed key)
};

struct VerifyOptions {
  std::string artefact;  // verify artifact: the file
  std::string digest;    // verify bundle: <alg>:<hex>
  std::string expected_sha256;
  SigstoreOptions sigstore;
  std::string provenance;
  std::string builder;
  std::string source;
  std::string ref;         // expected source ref (full ref, or a bare tag name)
  std::string build_type;  // expected buildType URI
  int min_level = -1;      // required SLSA Build level 0-3; -1 = not given
  std::string pgp_signature;
  std::string pgp_key;
  std::string fingerprint;
  std::string format = "text";
};

// The artefact's bytes (when small enough) and its SHA-2 digests, read once as a stream.
struct ArtefactData {
  std::optional<std::string> bytes;
  verify::digest::Digests digests;
  std::string sha256;  // raw
};

Result<ArtefactData> read_artefact(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return fail(std::filesystem::exists(path, error) ? ErrorCode::kIo : ErrorCode::kNotFound,
                "the artefact is not a readable regular file", path);
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return fail(ErrorCode::kIo, "cannot open the artefact", path);
  }
  ArtefactData data;
  verify::digest::Hasher hasher;
  std::string keep;
  std::string chunk(1 << 20, '\0');
  std::uint64_t total = 0;
  bool keeping = true;
  while (stream) {
    stream.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(stream.gcount());
    if (got == 0) {
      break;
    }
    const std::string_view piece(chunk.data(), got);
    hasher.update(piece);
    total += got;
    keeping = keeping && total <= kMaxArtefactBytesInMemory;
    if (keeping) {
      keep.append(piece);
    } else {
      keep.clear();
    }
  }
  if (stream.bad()) {
    return fail(ErrorCode::kIo, "reading the artefact failed", path);
  }
  data.digests = hasher.finish();
  data.sha256 = *hex_decode(data.digests.sha256);
  if (keeping) {
    data.bytes = std::move(keep);
  }
  return data;
}

// Reads a file named by `option`, so that an error says which option named it as well as the
// file and the problem: "release.pub: --key: no such file".
Result<std::string> read_option_file(std::string_view option, const std::string& path,
                                     std::uint64_t max_bytes) {
  auto text = read_file(path, max_bytes);
  if (!text) {
    return fail(text.error().code, std::string(option) + ": " + text.error().message, path);
  }
  return text;
}

// Reads --key as a PEM public key (SPKI "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY").
Result<verify::crypto::PublicKey> load_pem_key(const std::string& path) {
  ASSAY_TRY(const std::string pem, read_option_file("--key", path, kMaxKeyBytes));
  auto key = verify::crypto::PublicKey::from_pem(pem);
  if (!key) {
    return fail(key.error().code, "--key is not a usable PEM public key: " + key.error().message,
                path);
  }
  return key;
}

// Reads and parses --trusted-root; the parser's errors already name the file and the JSON pointer.
Result<sig::TrustedRoot> load_trusted_root_file(const std::string& path) {
  ASSAY_TRY(const std::string text, read_option_file("--trusted-root", path, kMaxTrustedRootBytes));
  return sig::parse_trusted_root(text, path);
}

// The trust material the options name, each file read and checked once, before anything is
// verified: a key or trusted root that cannot be used is an error (exit 2), never a check that
// silently does not run.
struct TrustMaterial {
  std::optional<verify::crypto::PublicKey> key;  // --key, when it is a PEM public key
  std::optional<sig::TrustedRoot> trusted_root;
};

// `pem_key`: whether --key is a PEM public key here (it is an OpenPGP key with --pgp-signature).
Result<TrustMaterial> load_trust_material(const SigstoreOptions& options, bool pem_key) {
  TrustMaterial material;
  if (pem_key && !options.key.empty()) {
    ASSAY_TRY(material.key, load_pem_key(options.key));
  }
  if (!options.trusted_root.empty()) {
    ASSAY_TRY(material.trusted_root, load_trusted_root_file(options.trusted_root));
  }
  return material;
}

bool has_signer_options(const SigstoreOptions& options) {
  return !options.key.empty() || !options.identity.empty() || !options.identity_regex.empty() ||
         !options.issuer.empty() || !options.issuer_regex.empty();
}

// The signer policy for a Sigstore bundle; `what` names the bundle in messages ("--bundle").
Result<sig::Policy> sigstore_policy(const SigstoreOptions& options, const TrustMaterial& material,
                                    const std::string& what) {
  if (material.key) {
    return sig::Policy::key(*material.key);
  }
  const bool has_san = !options.identity.empty() || !options.identity_regex.empty();
  const bool has_issuer = !options.issuer.empty() || !options.issuer_regex.empty();
  if (!has_san || !has_issuer) {
    return fail(ErrorCode::kInvalidInput,
                what +
                    " needs the signer: --identity (or --identity-regex) AND --issuer (or "
                    "--issuer-regex) for keyless signatures, or --key for a managed key; see "
                    "'assay verify artifact --help'");
  }
  sig::StringMatcher san = sig::StringMatcher::exact(options.identity);
  if (!options.identity_regex.empty()) {
    auto pattern = sig::StringMatcher::regex(options.identity_regex);
    if (!pattern) {
      return fail(pattern.error().code, "--identity-regex: " + pattern.error().message);
    }
    san = *pattern;
  }
  sig::StringMatcher issuer = sig::StringMatcher::exact(options.issuer);
  if (!options.issuer_regex.empty()) {
    auto pattern = sig::StringMatcher::regex(options.issuer_regex);
    if (!pattern) {
      return fail(pattern.error().code, "--issuer-regex: " + pattern.error().message);
    }
    issuer = *pattern;
  }
  return sig::Policy::identity(std::move(san), std::move(issuer));
}

Result<const sig::TrustedRoot*> require_trusted_root(const TrustMaterial& material,
                                                     const std::string& what) {
  if (!material.trusted_root) {
    return fail(ErrorCode::kInvalidInput,
                what +
                    " needs --trusted-root <file>: Assay never fetches trust material. For "
                    "Sigstore's public-good instance use the trusted_root.json Sigstore publishes "
                    "through its TUF repository (https://tuf-repo-cdn.sigstore.dev), kept under "
                    "your own change control");
  }
  return &*material.trusted_root;
}

Result<verify::Verification> verify_sigstore(const SigstoreOptions& options,
                                             const TrustMaterial& material,
                                             const sig::Artifact& artefact) {
  ASSAY_TRY(const sig::Policy policy, sigstore_policy(options, material, "--bundle"));
  ASSAY_TRY(const sig::TrustedRoot* root, require_trusted_root(material, "--bundle"));
  ASSAY_TRY(const std::string bundle,
            read_option_file("--bundle", options.bundle, kMaxBundleBytes));
  return sig::verify_bundle_json(bundle, options.bundle, artefact, policy, *root);
}

sig::Artifact sigstore_artefact(const ArtefactData& data, const std::string& name) {
  if (data.bytes) {
    return sig::Artifact::from_bytes(*data.bytes, name);
  }
  sig::Artifact artefact;
  artefact.given_digest = data.sha256;
  artefact.name = name + " (sha256:" + data.digests.sha256 + ")";
  return artefact;
}

// The signature over one provenance attestation. A Sigstore bundle (also inside npm attestations)
// is verified when any signer option or --trusted-root is given, and then needs both; a DSSE
// envelope (also Cloud Build's) when --key is given. With none of those the signature is reported
// unverified, which caps the SLSA level the provenance can support. Fails when the options ask
// for a verification that cannot run (a missing --trusted-root, an envelope that does not parse,
// --identity for an envelope that has no certificate).
Result<verify::slsa::SignatureEvidence> provenance_signature(
    const VerifyOptions& options, const TrustMaterial& material,
    const verify::intoto::Attestation& attestation, const sig::Artifact& artefact,
    std::vector<verify::Verification>& out) {
  using verify::intoto::Container;
  using verify::slsa::SignatureState;
  verify::slsa::SignatureEvidence evidence;
  if (attestation.container == Container::kStatement) {
    return evidence;  // kAbsent
  }
  evidence.state = SignatureState::kUnverified;
  const bool is_bundle = attestation.container == Container::kSigstoreBundle ||
                         attestation.container == Container::kNpmAttestations;
  const std::string what = "the provenance at " + attestation.location + " (a Sigstore bundle)";
  if (is_bundle && (has_signer_options(options.sigstore) || material.trusted_root)) {
    ASSAY_TRY(const sig::Policy policy, sigstore_policy(options.sigstore, material, what));
    ASSAY_TRY(const sig::TrustedRoot* root, require_trusted_root(material, what));
    verify::Verification verification = sig::verify_bundle_json(
        attestation.envelope_json, attestation.location, artefact, policy, *root);
    if (verification.outcome() == verify::Outcome::kPass) {
      evidence.state = SignatureState::kVerified;
      // The certificate's SAN is the identity SLSA's level rules compare with the builder.
      auto parsed = sig::parse_bundle(attestation.envelope_json, attestation.location);
      if (!policy.is_key() && parsed && !parsed->certificates.empty()) {
        auto identity = sig::certificate_identity(parsed->certificates.front());
        if (identity && !identity->sans.empty()) {
          evidence.signer_identity = identity->sans.front().value;
        }
      }
    }
    out.push_back(std::move(verification));
  } else if (!is_bundle && !material.key && options.sigstore.bundle.empty() &&
             has_signer_options(options.sigstore)) {
    // --identity and --issuer name a keyless Sigstore signer; a bare envelope has no
    // certificate Assay trusts, so they would be silently ignored.
    return fail(ErrorCode::kInvalidInput,
                "the provenance is a DSSE envelope, not a Sigstore bundle: --identity and "
                "--issuer cannot verify it; give the signer's public key as --key <PEM>",
                attestation.location);
  } else if (!is_bundle && material.key) {
    ASSAY_TRY(const verify::dsse::Envelope envelope,
              verify::dsse::parse_envelope(attestation.envelope_json, attestation.location));
    verify::Verification verification =
        verify::dsse::verify_envelope(envelope, {verify::dsse::TrustedKey{"", *material.key, {}}});
    if (verification.outcome() == verify::Outcome::kPass) {
      evidence.state = SignatureState::kVerified;
    }
    out.push_back(std::move(verification));
  }
  return evidence;
}

// The SLSA policy the options state. Requires: options.builder is not empty.
verify::slsa::Policy provenance_policy(const VerifyOptions& options, const ArtefactData& data) {
  verify::slsa::Policy policy;
  policy.builder_ids = {options.builder};
  policy.source_repository = options.source;
  policy.source_ref = options.ref;
  policy.build_type = options.build_type;
  policy.artefact = data.digests;
  if (options.min_level >= 0) {
    policy.minimum_level = static_cast<verify::slsa::BuildLevel>(options.min_level);
  }
  return policy;
}

Result<void> verify_provenance(const VerifyOptions& options, const TrustMaterial& material,
                               const ArtefactData& data, const sig::Artifact& artefact,
                               std::vector<verify::Verification>& out) {
  if (options.builder.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "--provenance needs --builder <id> (the builder you trust, e.g. "
                "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
                "generator_generic_slsa3.yml@refs/tags/v2.1.0)");
  }
  ASSAY_TRY(const std::string text,
            read_option_file("--provenance", options.provenance, kMaxProvenanceBytes));
  ASSAY_TRY(const std::vector<verify::intoto::Attestation> attestations,
            verify::intoto::read_attestations(text, options.provenance));
  const verify::slsa::Policy policy = provenance_policy(options, data);
  std::size_t provenances = 0;
  for (const verify::intoto::Attestation& attestation : attestations) {
    if (!verify::slsa::is_provenance(attestation.statement.predicate_type)) {
      continue;
    }
    ++provenances;
    ASSAY_TRY(const verify::slsa::SignatureEvidence signature,
              provenance_signature(options, material, attestation, artefact, out));
    ASSAY_TRY(const verify::slsa::Provenance provenance,
              verify::slsa::parse_provenance(attestation.statement, attestation.location));
    out.push_back(verify::slsa::verify(attestation.statement, provenance, policy, signature));
  }
  if (provenances == 0) {
    return fail(ErrorCode::kInvalidInput,
                "no SLSA provenance (predicate type https://slsa.dev/provenance/v0.2 or v1) "
                "among the " +
                    std::to_string(attestations.size()) + " attestation(s)",
                options.provenance);
  }
  return {};
}

// A key file GnuPG could not import is unusable input (exit 2), not a signature that failed to
// verify; a key that imports but lacks the expected fingerprint is a failed verification (exit 1).
Result<void> require_imported_key(const verify::Verification& verification, std::string_view option,
                                  const std::string& key_file) {
  for (const verify::Check& check : verification.checks) {
    if (check.id == "openpgp.key" && check.outcome == verify::Outcome::kFail &&
        check.description == "the supplied public key imports") {
      return fail(ErrorCode::kInvalidInput,
                  std::string(option) + " is not a usable OpenPGP public key: " + check.detail,
                  key_file);
    }
  }
  return {};
}

Result<void> verify_pgp(const VerifyOptions& options, const ArtefactData& data,
                        std::vector<verify::Verification>& out) {
  const bool own_option = !options.pgp_key.empty();
  const std::string& key_file = own_option ? options.pgp_key : options.sigstore.key;
  const std::string_view key_option = own_option ? "--pgp-key" : "--key";
  if (key_file.empty() || options.fingerprint.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "--pgp-signature needs --key <OpenPGP public key file> and --fingerprint <40 hex "
                "digits> (the fingerprint you obtained independently of the key file)");
  }
  if (!data.bytes) {
    return fail(ErrorCode::kUnsupported,
                "the artefact is larger than " + std::to_string(kMaxArtefactBytesInMemory >> 20) +
                    " MiB; OpenPGP verification here needs it in memory",
                options.artefact);
  }
  ASSAY_TRY(const std::string signature, read_option_file("--pgp-signature", options.pgp_signature,
                                                          verify::pgp::kMaxSignatureBytes));
  ASSAY_TRY(const std::string key,
            read_option_file(key_option, key_file, verify::pgp::kMaxKeyBytes));
  ASSAY_TRY(verify::Verification verification,
            verify::pgp::verify_detached(*data.bytes, signature,
                                         verify::pgp::KeySpec{key, options.fingerprint}));
  ASSAY_TRY_VOID(require_imported_key(verification, key_option, key_file));
  out.push_back(std::move(verification));
  return {};
}

// Options that only mean something beside another one are refused without it: an option that is
// silently ignored would let a reader believe something was checked that was not.
Result<void> refuse_unused_options(const VerifyOptions& options) {
  const bool bundle = !options.sigstore.bundle.empty();
  const bool provenance = !options.provenance.empty();
  const bool pgp = !options.pgp_signature.empty();
  struct Dependent {
    const char* option;
    bool given;
    bool used;
    const char* needs;
  };
  const SigstoreOptions& sigstore = options.sigstore;
  const Dependent dependents[] = {
      {"--trusted-root", !sigstore.trusted_root.empty(), bundle || provenance,
       "--bundle or --provenance"},
      {"--identity", !sigstore.identity.empty(), bundle || provenance, "--bundle or --provenance"},
      {"--issuer", !sigstore.issuer.empty(), bundle || provenance, "--bundle or --provenance"},
      {"--identity-regex", !sigstore.identity_regex.empty(), bundle || provenance,
       "--bundle or --provenance"},
      {"--issuer-regex", !sigstore.issuer_regex.empty(), bundle || provenance,
       "--bundle or --provenance"},
      {"--key", !sigstore.key.empty(), bundle || provenance || pgp,
       "--bundle, --provenance or --pgp-signature"},
      {"--builder", !options.builder.empty(), provenance, "--provenance"},
      {"--source", !options.source.empty(), provenance, "--provenance"},
      {"--ref", !options.ref.empty(), provenance, "--provenance"},
      {"--build-type", !options.build_type.empty(), provenance, "--provenance"},
      {"--min-level", options.min_level >= 0, provenance, "--provenance"},
      {"--pgp-key", !options.pgp_key.empty(), pgp, "--pgp-signature"},
      {"--fingerprint", !options.fingerprint.empty(), pgp, "--pgp-signature"},
  };
  for (const Dependent& dependent : dependents) {
    if (dependent.given && !dependent.used) {
      return fail(ErrorCode::kInvalidInput, std::string(dependent.option) +
                                                " is given but nothing uses it: it applies to " +
                                                dependent.needs);
    }
  }
  if (pgp && options.pgp_key.empty() && !sigstore.key.empty() && (bundle || provenance)) {
    return fail(ErrorCode::kInvalidInput,
                std::string("--key is ambiguous with both ") +
                    (bundle ? "--bundle" : "--provenance") +
                    " and --pgp-signature: give the OpenPGP key as --pgp-key");
  }
  return {};
}

Result<std::vector<verify::Verification>> verify_artefact(const VerifyOptions& options) {
  const bool any = !options.expected_sha256.empty() || !options.sigstore.bundle.empty() ||
                   !options.provenance.empty() || !options.pgp_signature.empty();
  if (!any) {
    return fail(ErrorCode::kInvalidInput,
                "nothing to verify: give --sha256, --bundle, --provenance and/or "
                "--pgp-signature (see 'assay verify artifact --help')");
  }
  ASSAY_TRY_VOID(refuse_unused_options(options));
  // With --pgp-signature and no --pgp-key, --key is the OpenPGP key (refuse_unused_options has
  // made sure nothing else wants a PEM key then).
  const bool pem_key = options.pgp_signature.empty() || !options.pgp_key.empty();
  ASSAY_TRY(const TrustMaterial material, load_trust_material(options.sigstore, pem_key));
  ASSAY_TRY(const ArtefactData data, read_artefact(options.artefact));
  const std::string name = std::filesystem::path(options.artefact).filename().string();
  const sig::Artifact artefact = sigstore_artefact(data, name);
  std::vector<verify::Verification> verifications;
  if (!options.expected_sha256.empty()) {
    verifications.push_back(verify::digest::verify(
        data.digests, name,
        {verify::digest::ExpectedDigest{"sha256", options.expected_sha256, "--sha256"}}));
  }
  if (!options.sigstore.bundle.empty()) {
    ASSAY_TRY(verify::Verification verification,
              verify_sigstore(options.sigstore, material, artefact));
    verifications.push_back(std::move(verification));
  }
  if (!options.provenance.empty()) {
    ASSAY_TRY_VOID(verify_provenance(options, material, data, artefact, verifications));
  }
  if (!options.pgp_signature.empty()) {
    ASSAY_TRY_VOID(verify_pgp(options, data, verifications));
  }
  return verifications;
}

// Prints the verifications and returns the exit code: 0 only when everything asked passed.
int report(Context& context, const std::vector<verify::Verification>& verifications,
           const std::string& format) {
  bool all_pass = !verifications.empty();
  for (const verify::Verification& verification : verifications) {
    all_pass = all_pass && verification.outcome() == verify::Outcome::kPass;
  }
  if (format == "json") {
    context.out << verify::to_json(verifications) << "\n";
  } else {
    context.out << verify::to_text(verifications);
    if (all_pass) {
      context.out << "VERIFIED\n";
    } else {
      std::string reason;
      for (const verify::Verification& verification : verifications) {
        if (reason.empty() && verification.outcome() != verify::Outcome::kPass) {
          reason = verification.first_failure();
          if (reason.empty()) {
            reason = verification.method + ": nothing was checked";
          }
        }
      }
      context.out << "NOT VERIFIED: " << reason << "\n";
    }
  }
  return all_pass ? kExitOk : kExitNegative;
}

constexpr const char* kIdentityHelp =
    "Who signed (keyless Sigstore signatures):\n"
    "  A keyless signature is made with a short-lived Fulcio certificate issued to an identity\n"
    "  that an OpenID Connect (OIDC) provider vouched for. Two values name the signer, and BOTH\n"
    "  must match:\n"
    "    --identity  the certificate's subject alternative name (SAN): WHO signed. For a GitHub\n"
    "                Actions workflow it is the workflow file at the ref that ran, e.g.\n"
    "                "
    "https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.4.2\n"
    "                For a person it is an e-mail address, e.g. release-team@acme.example\n"
    "    --issuer    the OIDC issuer that vouched for that identity: WHO SAYS SO. For GitHub\n"
    "                Actions it is https://token.actions.githubusercontent.com; for a Google\n"
    "                account https://accounts.google.com; for GitLab CI https://gitlab.com\n"
    "  --identity-regex / --issuer-regex take RE2 patterns that must match the WHOLE value\n"
    "  (they are anchored), e.g. any release tag of that workflow:\n"
    "    --identity-regex 'https://github\\.com/acme/widget/\\.github/workflows/release\\.yml"
    "@refs/tags/v.*'\n"
    "  A bundle signed with a managed key instead is verified with --key <PEM public key>.\n"
    "  Trust comes from --trusted-root (a Sigstore trusted_root.json); nothing is fetched.\n";

void add_sigstore_options(CLI::App* command, VerifyOptions& options) {
  command->add_option("--trusted-root", options.sigstore.trusted_root,
                      "Sigstore trusted_root.json to verify against (required with a bundle)");
  command->add_option("--identity", options.sigstore.identity,
                      "expected certificate SAN, exactly (see 'Who signed' below)");
  command->add_option("--issuer", options.sigstore.issuer,
                      "expected OIDC issuer, exactly (see 'Who signed' below)");
  command->add_option("--identity-regex", options.sigstore.identity_regex,
                      "RE2 pattern the whole SAN must match");
  command->add_option("--issuer-regex", options.sigstore.issuer_regex,
                      "RE2 pattern the whole issuer must match");
  command->add_option("--format", options.format, "output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
}

}  // namespace

void register_verify_commands(CLI::App& app, Context& context) {
  CLI::App* verify =
      app.add_subcommand("verify",
                         "Verify an artefact's digest, Sigstore bundle, SLSA provenance or OpenPGP "
                         "signature, offline");
  verify->require_subcommand(1);
  auto options = std::make_shared<VerifyOptions>();

  CLI::App* artefact =
      verify->add_subcommand("artifact",
                             "Verify a file against any of: its SHA-256, a Sigstore bundle, SLSA "
                             "provenance, an OpenPGP signature (all that are given must pass)");
  artefact->add_option("file", options->artefact, "the artefact (release file) to verify")
      ->required();
  artefact->add_option("--sha256", options->expected_sha256, "expected SHA-256, hex");
  artefact->add_option("--bundle", options->sigstore.bundle, "Sigstore bundle (.sigstore.json)");
  artefact->add_option("--key", options->sigstore.key,
                       "public key: PEM for a managed-key bundle (or DSSE provenance), OpenPGP "
                       "with --pgp-signature");
  add_sigstore_options(artefact, *options);
  artefact->add_option("--provenance", options->provenance,
                       "SLSA provenance: DSSE envelope, Sigstore bundle, .intoto.jsonl or npm "
                       "attestations");
  artefact->add_option("--builder", options->builder, "builder id the provenance must name");
  artefact->add_option("--source", options->source,
                       "source repository the provenance must name (e.g. github.com/acme/widget)");
  artefact->add_option("--ref", options->ref,
                       "source ref the provenance must name: a full git ref (refs/heads/main, "
                       "refs/tags/v1.4.2) or a bare tag name (v1.4.2 = refs/tags/v1.4.2)");
  artefact->add_option("--build-type", options->build_type,
                       "buildType URI the provenance must name, exactly");
  artefact
      ->add_option("--min-level", options->min_level,
                   "fail unless the provenance supports at least this SLSA Build level (0-3)")
      ->check(CLI::Range(0, 3));
  artefact->add_option("--pgp-signature", options->pgp_signature, "detached OpenPGP signature");
  artefact->add_option("--pgp-key", options->pgp_key,
                       "OpenPGP public key, when --key is needed for the bundle");
  artefact->add_option("--fingerprint", options->fingerprint,
                       "expected OpenPGP key fingerprint (40 hex digits)");
  artefact->footer(
      std::string(kIdentityHelp) +
      "\nExamples:\n"
      "  assay verify artifact widget-1.4.2.tar.gz --bundle widget-1.4.2.sigstore.json \\\n"
      "      --trusted-root trusted_root.json \\\n"
      "      --identity "
      "https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.4.2 \\\n"
      "      --issuer https://token.actions.githubusercontent.com\n"
      "  assay verify artifact widget.tgz --bundle widget.sigstore.json --key release.pub "
      "--trusted-root trusted_root.json\n"
      "  assay verify artifact widget.tgz --sha256 "
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"
      "  assay verify artifact widget.tgz --provenance widget.intoto.jsonl \\\n"
      "      --builder https://github.com/slsa-framework/slsa-github-generator/.github/"
      "workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0 \\\n"
      "      --source github.com/acme/widget\n"
      "  assay verify artifact widget.tgz --provenance widget.intoto.jsonl \\\n"
      "      --trusted-root trusted_root.json --identity-regex "
      "'https://github\\.com/slsa-framework/.*' \\\n"
      "      --issuer https://token.actions.githubusercontent.com \\\n"
      "      --builder https://github.com/slsa-framework/slsa-github-generator/.github/"
      "workflows/generator_generic_slsa3.yml \\\n"
      "      --source github.com/acme/widget --ref v1.4.2 \\\n"
      "      --build-type https://github.com/slsa-framework/slsa-github-generator/generic@v1 "
      "--min-level 3\n"
      "    (a signed provenance: --min-level 3 needs its signature verified, here keyless\n"
      "    against the trusted root; a DSSE envelope is verified with --key <PEM public key>)\n"
      "  assay verify artifact widget.tgz --pgp-signature widget.tgz.asc --key "
      "acme.asc --fingerprint 'ABCD 1234 ...'\n"
      "Exit status: 0 verified, 1 not verified, 2 bad arguments or unreadable input.");
  artefact->callback([&context, options] {
    auto verifications = verify_artefact(*options);
    if (!verifications) {
      context.exit_code = report_error(context, verifications.error());
      return;
    }
    context.exit_code = report(context, *verifications, options->format);
  });

  CLI::App* bundle = verify->add_subcommand(
      "bundle", "Verify a Sigstore bundle for an artefact given only as its digest");
  bundle->add_option("bundle", options->sigstore.bundle, "Sigstore bundle (.sigstore.json)")
      ->required();
  bundle
      ->add_option("--digest", options->digest,
                   "the artefact's digest: sha256:<hex> (or sha384:, sha512:)")
      ->required();
  bundle->add_option("--key", options->sigstore.key, "PEM public key for a managed-key bundle");
  add_sigstore_options(bundle, *options);
  bundle->footer(std::string(kIdentityHelp) +
                 "\nExamples:\n"
                 "  assay verify bundle widget.sigstore.json --digest sha256:<hex> \\\n"
                 "      --trusted-root trusted_root.json --identity-regex "
                 "'https://github\\.com/acme/widget/.*' \\\n"
                 "      --issuer https://token.actions.githubusercontent.com --format json\n"
                 "  An ECDSA P-256 signature over a file can be checked from its SHA-256; "
                 "Ed25519 and P-384 message\n"
                 "  signatures need the file itself ('assay verify artifact'). DSSE "
                 "attestations need only a digest\n"
                 "  their statement lists (npm provenance lists sha512).\n"
                 "Exit status: 0 verified, 1 not verified, 2 bad arguments or unreadable input.");
  bundle->callback([&context, options] {
    auto artefact_digest = sig::Artifact::from_digest(options->digest);
    if (!artefact_digest) {
      context.exit_code = report_error(context, artefact_digest.error());
      return;
    }
    auto material = load_trust_material(options->sigstore, /*pem_key=*/true);
    if (!material) {
      context.exit_code = report_error(context, material.error());
      return;
    }
    auto verification = verify_sigstore(options->sigstore, *material, *artefact_digest);
    if (!verification) {
      context.exit_code = report_error(context, verification.error());
      return;
    }
    context.exit_code = report(context, {*verification}, options->format);
  });
}

}  // namespace assay::cli
