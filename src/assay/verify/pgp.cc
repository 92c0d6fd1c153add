// OpenPGP verification through gpgme in a throwaway GNUPGHOME per call.
#include "assay/verify/pgp.h"

#include <fcntl.h>
#include <gpgme.h>
#include <spawn.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>

#include "assay/core/strings.h"

extern char** environ;

namespace assay::verify::pgp {

namespace {

void initialise_gpgme() {
  static std::once_flag once;
  std::call_once(once, [] {
    gpgme_check_version(nullptr);
    gpgme_set_locale(nullptr, LC_CTYPE, "C");
  });
}

// gpgme_strerror and strerror are not thread-safe; their _r forms are.
std::string error_text(gpgme_error_t error) {
  std::array<char, 256> buffer{};
  gpgme_strerror_r(error, buffer.data(), buffer.size());
  return buffer.data();
}

std::string gpg_error_text(gpgme_error_t error) {
  return std::string(gpgme_strsource(error)) + ": " + error_text(error);
}

std::string errno_text(int error_number) {
  std::array<char, 256> buffer{};
  return ::strerror_r(error_number, buffer.data(), buffer.size());
}

// A temporary GNUPGHOME: created with mkdtemp (mode 0700), configured so GnuPG never starts an
// agent or fetches keys, and on destruction the agent (if any) is stopped and the folder removed.
class TempHome {
 public:
  static Result<TempHome> create() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/assay-gpg-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
      return fail(ErrorCode::kIo, "cannot create a temporary GnuPG home: " + errno_text(errno));
    }
    TempHome home(buffer.data());
    if (::chmod(home.path_.c_str(), 0700) != 0) {
      return fail(ErrorCode::kIo, "cannot restrict the temporary GnuPG home", home.path_);
    }
    std::ofstream conf(home.path_ + "/gpg.conf");
    // Verification needs no agent and no network: never start one, never look keys up.
    conf << "no-autostart\nno-auto-key-retrieve\nno-auto-key-locate\nno-greeting\n"
            "keyserver-options no-auto-key-retrieve\n";
    conf.close();
    if (!conf) {
      return fail(ErrorCode::kIo, "cannot write gpg.conf in the temporary GnuPG home", home.path_);
    }
    return home;
  }

  TempHome(TempHome&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempHome& operator=(TempHome&&) = delete;
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;

  ~TempHome() {
    if (path_.empty()) {
      return;
    }
    stop_agent();
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  const std::string& path() const { return path_; }

 private:
  explicit TempHome(std::string path) : path_(std::move(path)) {}

  // "gpgconf --homedir <home> --kill all", without a shell. Failure is harmless: with
  // no-autostart there is normally nothing to stop.
  void stop_agent() const {
    std::string program = "gpgconf";
    std::string homedir_flag = "--homedir";
    std::string home = path_;
    std::string kill_flag = "--kill";
    std::string all = "all";
    std::vector<char*> argv = {program.data(),   homedir_flag.data(), home.data(),
                               kill_flag.data(), all.data(),          nullptr};
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) {
      return;
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
    posix_spawn_file_actions_destroy(&actions);
  }

  std::string path_;
};

// Owns a gpgme context / data object.
struct ContextDeleter {
  void operator()(gpgme_ctx_t context) const { gpgme_release(context); }
};
struct DataDeleter {
  void operator()(gpgme_data_t data) const { gpgme_data_release(data); }
};
using Context = std::unique_ptr<std::remove_pointer_t<gpgme_ctx_t>, ContextDeleter>;
using Data = std::unique_ptr<std::remove_pointer_t<gpgme_data_t>, DataDeleter>;

Result<Data> data_from(std::string_view bytes) {
  gpgme_data_t raw = nullptr;
  // copy = 1: gpgme keeps its own copy, so the view's lifetime does not matter.
  const gpgme_error_t error = gpgme_data_new_from_mem(&raw, bytes.data(), bytes.size(), 1);
  if (error != 0) {
    return fail(ErrorCode::kIo, "gpgme cannot hold the input: " + gpg_error_text(error));
  }
  return Data(raw);
}

Result<Context> open_context(const TempHome& home) {
  initialise_gpgme();
  gpgme_ctx_t raw = nullptr;
  gpgme_error_t error = gpgme_new(&raw);
  if (error != 0) {
    return fail(ErrorCode::kIo, "cannot start gpgme: " + gpg_error_text(error));
  }
  Context context(raw);
  error = gpgme_set_protocol(context.get(), GPGME_PROTOCOL_OpenPGP);
  if (error == 0) {
    error = gpgme_ctx_set_engine_info(context.get(), GPGME_PROTOCOL_OpenPGP, nullptr,
                                      home.path().c_str());
  }
  if (error != 0) {
    return fail(ErrorCode::kIo, "cannot use GnuPG (is gpg installed?): " + gpg_error_text(error));
  }
  gpgme_set_offline(context.get(), 1);
  return context;
}

std::string upper(std::string_view text) {
  return ascii_upper(text);
}

// Imports the key and records the "openpgp.key" check. Returns false when verification cannot go
// on (nothing imported, or the expected key is not in what was supplied).
bool import_key(gpgme_ctx_t context, const KeySpec& key, const std::string& expected,
                Verification& result) {
  auto key_data = data_from(key.public_key);
  if (!key_data) {
    result.add("openpgp.key", "the supplied public key imports", Outcome::kFail,
               key_data.error().message);
    return false;
  }
  const gpgme_error_t error = gpgme_op_import(context, key_data->get());
  gpgme_import_result_t imported = gpgme_op_import_result(context);
  if (error != 0 || imported == nullptr || imported->considered == 0) {
    result.add("openpgp.key", "the supplied public key imports", Outcome::kFail,
               error != 0 ? "GnuPG could not import it: " + gpg_error_text(error)
                          : "no OpenPGP public key was found in the supplied key");
    return false;
  }
  gpgme_key_t found = nullptr;
  const gpgme_error_t lookup = gpgme_get_key(context, expected.c_str(), &found, 0);
  if (lookup != 0 || found == nullptr) {
    std::vector<std::string> present;
    for (gpgme_import_status_t status = imported->imports; status != nullptr;
         status = status->next) {
      if (status->fpr != nullptr && present.size() < 5) {
        present.emplace_back(status->fpr);
      }
    }
    result.add("openpgp.key", "the supplied key contains the expected fingerprint", Outcome::kFail,
               "fingerprint " + expected + " is not in the supplied key (it holds " +
                   (present.empty() ? std::string("no usable key") : join(present, ", ")) + ")");
    return false;
  }
  std::string uid = found->uids != nullptr && found->uids->uid != nullptr ? found->uids->uid : "";
  gpgme_key_unref(found);
  result.add("openpgp.key", "the supplied key contains the expected fingerprint", Outcome::kPass,
             expected + (uid.empty() ? "" : " " + quote(uid)));
  return true;
}

// Records one "openpgp.signature" (and "openpgp.hash") check per signature and the
// "openpgp.signer" check. Returns true when a good signature from the expected key was found
// and no signature was bad.
bool judge_signatures(gpgme_ctx_t context, const std::string& expected, Verification& result) {
  gpgme_verify_result_t verified = gpgme_op_verify_result(context);
  if (verified == nullptr || verified->signatures == nullptr) {
    result.add("openpgp.signature", "the signature is good", Outcome::kFail,
               "no OpenPGP signature was found");
    return false;
  }
  bool any_bad = false;
  bool signer_ok = false;
  std::vector<std::string> signers;
  std::size_t index = 0;
  for (gpgme_signature_t signature = verified->signatures; signature != nullptr;
       signature = signature->next, ++index) {
    const std::string label = "signature " + std::to_string(index + 1);
    const std::string signing_fpr = signature->fpr != nullptr ? upper(signature->fpr) : "";
    const gpgme_err_code_t code = gpgme_err_code(signature->status);
    const bool good = code == GPG_ERR_NO_ERROR && (signature->summary & GPGME_SIGSUM_RED) == 0;
    std::string why;
    if (!good) {
      switch (code) {
        case GPG_ERR_BAD_SIGNATURE:
          why = "bad signature: the data or message was altered, or it was not signed by this key";
          break;
        case GPG_ERR_NO_PUBKEY:
          why = "made by key " + signing_fpr + ", which is not the supplied key";
          break;
        case GPG_ERR_KEY_EXPIRED:
          why = "the signing key has expired";
          break;
        case GPG_ERR_CERT_REVOKED:
          why = "the signing key is revoked";
          break;
        case GPG_ERR_SIG_EXPIRED:
          why = "the signature has expired";
          break;
        default:
          why = error_text(signature->status);
          break;
      }
    }
    any_bad = any_bad || !good;
    result.add("openpgp.signature", label + " is good", good ? Outcome::kPass : Outcome::kFail,
               good ? "good signature by " + signing_fpr : why);
    // pubkey_algo_name may be NULL for bad signatures; the hash name can be too.
    const char* hash_name = gpgme_hash_algo_name(signature->hash_algo);
    if (signature->hash_algo == GPGME_MD_MD5 || signature->hash_algo == GPGME_MD_SHA1) {
      any_bad = true;
      result.add(
          "openpgp.hash", label + " uses a collision-resistant hash", Outcome::kFail,
          std::string(hash_name != nullptr ? hash_name : "legacy hash") + " is not accepted");
    }
    if (!good) {
      continue;
    }
    // The signing key may be a subkey: accept the expected primary or subkey fingerprint.
    gpgme_key_t key = nullptr;
    std::string primary;
    bool matches = signing_fpr == expected;
    if (gpgme_get_key(context, signing_fpr.c_str(), &key, 0) == 0 && key != nullptr) {
      primary = key->fpr != nullptr ? upper(key->fpr) : "";
      matches = matches || primary == expected;
      if (matches && result.identity.empty()) {
        result.identity = primary;
        if (key->uids != nullptr && key->uids->uid != nullptr) {
          result.identity += " " + std::string(key->uids->uid);
        }
      }
      gpgme_key_unref(key);
    }
    signers.push_back(primary.empty() ? signing_fpr : primary);
    signer_ok = signer_ok || matches;
  }
  result.add("openpgp.signer", "a good signature was made by the expected key",
             signer_ok ? Outcome::kPass : Outcome::kFail,
             signer_ok ? expected
                       : (signers.empty() ? "no good signature"
                                          : "good signature(s) by " + join(signers, ", ") +
                                                ", expected " + expected));
  return signer_ok && !any_bad;
}

struct Prepared {
  TempHome home;
  Context context;
  std::string expected;
};

Result<Prepared> prepare(const KeySpec& key, std::string_view signature, Verification& result) {
  ASSAY_TRY(std::string expected, normalize_fingerprint(key.expected_fingerprint));
  if (key.public_key.size() > kMaxKeyBytes) {
    return fail(ErrorCode::kInvalidInput,
                "public key is larger than " + std::to_string(kMaxKeyBytes) + " bytes");
  }
  if (signature.size() > kMaxSignatureBytes) {
    return fail(ErrorCode::kInvalidInput,
                "signature is larger than " + std::to_string(kMaxSignatureBytes) + " bytes");
  }
  result.method = "openpgp";
  result.trust_root = "OpenPGP key " + expected;
  ASSAY_TRY(TempHome home, TempHome::create());
  ASSAY_TRY(Context context, open_context(home));
  return Prepared{std::move(home), std::move(context), std::move(expected)};
}

}  // namespace

Result<std::string> normalize_fingerprint(std::string_view fingerprint) {
  std::string out;
  for (const char c : fingerprint) {
    if (c == ' ' || c == '\t') {
      continue;
    }
    const bool hex = is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) {
      return fail(ErrorCode::kInvalidInput,
                  "fingerprint " + quote(fingerprint) + " contains " + quote(std::string(1, c)) +
                      "; give the 40 hex digits of the key's fingerprint");
    }
    out.push_back(ascii_to_upper(c));
  }
  if (out.size() != 40) {
    return fail(ErrorCode::kInvalidInput,
                "fingerprint " + quote(fingerprint) + " has " + std::to_string(out.size()) +
                    " hex digits; a full (v4) fingerprint has 40 (key ids are not accepted)");
  }
  return out;
}

Result<Verification> verify_detached(std::string_view data, std::string_view signature,
                                     const KeySpec& key) {
  Verification result;
  ASSAY_TRY(Prepared prepared, prepare(key, signature, result));
  result.subject = "detached signature over " + std::to_string(data.size()) + " bytes";
  if (!import_key(prepared.context.get(), key, prepared.expected, result)) {
    return result;
  }
  ASSAY_TRY(Data signature_data, data_from(signature));
  ASSAY_TRY(Data signed_data, data_from(data));
  const gpgme_error_t error =
      gpgme_op_verify(prepared.context.get(), signature_data.get(), signed_data.get(), nullptr);
  if (error != 0) {
    result.add("openpgp.signature", "the signature is good", Outcome::kFail,
               "GnuPG could not read the signature: " + gpg_error_text(error));
    return result;
  }
  judge_signatures(prepared.context.get(), prepared.expected, result);
  return result;
}

Result<CleartextResult> verify_cleartext(std::string_view message, const KeySpec& key) {
  CleartextResult out;
  ASSAY_TRY(Prepared prepared, prepare(key, message, out.verification));
  out.verification.subject = "clear-signed message of " + std::to_string(message.size()) + " bytes";
  if (!import_key(prepared.context.get(), key, prepared.expected, out.verification)) {
    return out;
  }
  ASSAY_TRY(Data message_data, data_from(message));
  gpgme_data_t plain_raw = nullptr;
  if (const gpgme_error_t error = gpgme_data_new(&plain_raw); error != 0) {
    return fail(ErrorCode::kIo, "gpgme cannot allocate output: " + gpg_error_text(error));
  }
  Data plain(plain_raw);
  const gpgme_error_t error =
      gpgme_op_verify(prepared.context.get(), message_data.get(), nullptr, plain.get());
  if (error != 0) {
    out.verification.add("openpgp.signature", "the signature is good", Outcome::kFail,
                         "GnuPG could not read the signed message: " + gpg_error_text(error));
    return out;
  }
  if (judge_signatures(prepared.context.get(), prepared.expected, out.verification)) {
    std::size_t length = 0;
    char* buffer = gpgme_data_release_and_get_mem(plain.release(), &length);
    if (buffer != nullptr) {
      out.signed_text.assign(buffer, length);
      gpgme_free(buffer);
    }
  }
  return out;
}

}  // namespace assay::verify::pgp
