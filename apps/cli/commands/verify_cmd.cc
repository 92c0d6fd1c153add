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

Result<sig::Policy> sigstore_policy(const SigstoreOptions& options) {
  if (!options.key.empty()) {
    ASSAY_TRY(const std::string pem, read_file(options.key, kMaxKeyBytes));
    auto key = verify::crypto::PublicKey::from_pem(pem);
    if (!key) {
      return fail(key.error().code, key.error().message, options.key);
    }
    return sig::Policy::key(*key);
  }
  const bool has_san = !options.identity.empty() || !options.identity_regex.empty();
  const bool has_issuer = !options.issuer.empty() || !options.issuer_regex.empty();
  if (!has_san || !has_issuer) {
    return fail(ErrorCode::kInvalidInput,
                "--bundle needs the signer: --identity (or --identity-regex) AND --issuer (or "
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

Result<sig::TrustedRoot> load_trusted_root(const SigstoreOptions& options) {
  if (options.trusted_root.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "--bundle needs --trusted-root <file>: Assay never fetches trust material. For "
                "Sigstore's public-good instance use the trusted_root.json Sigstore publishes "
                "through its TUF repository (https://tuf-repo-cdn.sigstore.dev), kept under your "
                "own change control");
  }
  ASSAY_TRY(const std::string text, read_file(options.trusted_root, kMaxTrustedRootBytes));
  return sig::parse_trusted_root(text, options.trusted_root);
}

Result<verify::Verification> verify_sigstore(const SigstoreOptions& options,
                                             const sig::Artifact& artefact) {
  ASSAY_TRY(const sig::Policy policy, sigstore_policy(options));
  ASSAY_TRY(const sig::TrustedRoot root, load_trusted_root(options));
  ASSAY_TRY(const std::string bundle, read_file(options.bundle, kMaxBundleBytes));
  return sig::verify_bundle_json(bundle, options.bundle, artefact, policy, root);
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

// The signature over one provenance attestation, verified when the options allow it.
verify::slsa::SignatureEvidence provenance_signature(const VerifyOptions& options,
                                                     const verify::intoto::Attestation& attestation,
                                                     const sig::Artifact& artefact,
                                                     std::vector<verify::Verification>& out) {
  using verify::slsa::SignatureState;
  verify::slsa::SignatureEvidence evidence;
  if (attestation.container == verify::intoto::Container::kStatement) {
    return evidence;  // kAbsent
  }
  evidence.state = SignatureState::kUnverified;
  const bool sigstore_ready =
      !options.sigstore.trusted_root.empty() &&
      (!options.sigstore.key.empty() ||
       ((!options.sigstore.identity.empty() || !options.sigstore.identity_regex.empty()) &&
        (!options.sigstore.issuer.empty() || !options.sigstore.issuer_regex.empty())));
  if (attestation.container == verify::intoto::Container::kSigstoreBundle && sigstore_ready) {
    auto policy = sigstore_policy(options.sigstore);
    auto root = load_trusted_root(options.sigstore);
    if (policy && root) {
      verify::Verification verification = sig::verify_bundle_json(
          attestation.envelope_json, attestation.location, artefact, *policy, *root);
      if (verification.outcome() == verify::Outcome::kPass) {
        evidence.state = SignatureState::kVerified;
        // The certificate's SAN is the identity SLSA's level rules compare with the builder.
        auto parsed = sig::parse_bundle(attestation.envelope_json, attestation.location);
        if (!policy->is_key() && parsed && !parsed->certificates.empty()) {
          auto identity = sig::certificate_identity(parsed->certificates.front());
          if (identity && !identity->sans.empty()) {
            evidence.signer_identity = identity->sans.front().value;
          }
        }
      }
      out.push_back(std::move(verification));
    }
  } else if (attestation.container == verify::intoto::Container::kDsseEnvelope &&
             !options.sigstore.key.empty()) {
    auto key_pem = read_file(options.sigstore.key, kMaxKeyBytes);
    auto key = key_pem ? verify::crypto::PublicKey::from_pem(*key_pem)
                       : Result<verify::crypto::PublicKey>(tl::unexpected(key_pem.error()));
    auto envelope = verify::dsse::parse_envelope(attestation.envelope_json, attestation.location);
    if (key && envelope) {
      verify::Verification verification =
          verify::dsse::verify_envelope(*envelope, {verify::dsse::TrustedKey{"", *key, {}}});
      if (verification.outcome() == verify::Outcome::kPass) {
        evidence.state = SignatureState::kVerified;
      }
      out.push_back(std::move(verification));
    }
  }
  return evidence;
}

Result<void> verify_provenance(const VerifyOptions& options, const ArtefactData& data,
                               const sig::Artifact& artefact,
                               std::vector<verify::Verification>& out) {
  if (options.builder.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "--provenance needs --builder <id> (the builder you trust, e.g. "
                "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
                "generator_generic_slsa3.yml@refs/tags/v2.1.0)");
  }
  ASSAY_TRY(const std::string text, read_file(options.provenance, kMaxProvenanceBytes));
  ASSAY_TRY(const std::vector<verify::intoto::Attestation> attestations,
            verify::intoto::read_attestations(text, options.provenance));
  verify::slsa::Policy policy;
  policy.builder_ids = {options.builder};
  policy.source_repository = options.source;
  policy.artefact = data.digests;
  std::size_t provenances = 0;
  for (const verify::intoto::Attestation& attestation : attestations) {
    if (!verify::slsa::is_provenance(attestation.statement.predicate_type)) {
      continue;
    }
    ++provenances;
    const verify::slsa::SignatureEvidence signature =
        provenance_signature(options, attestation, artefact, out);
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

Result<void> verify_pgp(const VerifyOptions& options, const ArtefactData& data,
                        std::vector<verify::Verification>& out) {
  const std::string& key_file = options.pgp_key.empty() ? options.sigstore.key : options.pgp_key;
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
  ASSAY_TRY(const std::string signature,
            read_file(options.pgp_signature, verify::pgp::kMaxSignatureBytes));
  ASSAY_TRY(const std::string key, read_file(key_file, verify::pgp::kMaxKeyBytes));
  ASSAY_TRY(verify::Verification verification,
            verify::pgp::verify_detached(*data.bytes, signature,
                                         verify::pgp::KeySpec{key, options.fingerprint}));
  out.push_back(std::move(verification));
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
  if (!options.sigstore.bundle.empty() && !options.pgp_signature.empty() &&
      !options.sigstore.key.empty() && options.pgp_key.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "--key is ambiguous with both --bundle and --pgp-signature: give the OpenPGP key "
                "as --pgp-key");
  }
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
    ASSAY_TRY(verify::Verification verification, verify_sigstore(options.sigstore, artefact));
    verifications.push_back(std::move(verification));
  }
  if (!options.provenance.empty()) {
    ASSAY_TRY_VOID(verify_provenance(options, data, artefact, verifications));
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
    auto verification = verify_sigstore(options->sigstore, *artefact_digest);
    if (!verification) {
      context.exit_code = report_error(context, verification.error());
      return;
    }
    context.exit_code = report(context, {*verification}, options->format);
  });
}

}  // namespace assay::cli
