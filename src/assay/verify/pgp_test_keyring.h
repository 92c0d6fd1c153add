// Test support (not part of the library): a throwaway GnuPG keyring that generates Ed25519 / RSA
// keys with gpg --batch at test time and signs data with them. Used by the pgp, security.txt and
// end-to-end tests; no key material is ever committed.
#ifndef ASSAY_VERIFY_PGP_TEST_KEYRING_H_
#define ASSAY_VERIFY_PGP_TEST_KEYRING_H_

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>

extern char** environ;

namespace assay::verify::pgp::test_keys {

inline std::filesystem::path make_temp_dir(const char* prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / prefix).string() + "XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
  }
  return pattern;
}

// Runs a program (no shell) with stdout to `out_file` (or /dev/null); returns its exit status.
inline int run(const std::vector<std::string>& args, const std::string& out_file = "/dev/null") {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (std::string& arg : copy) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return -1;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream out;
  out << stream.rdbuf();
  return out.str();
}

struct TestKey {
  std::string fingerprint;  // primary
  std::string armored;
};

// A GnuPG home with signing keys, made fresh for each test binary process.
class Keyring {
 public:
  Keyring() : home_(make_temp_dir("assay-pgp-test-")) {}
  ~Keyring() {
    run({"gpgconf", "--homedir", home_.string(), "--kill", "all"});
    std::filesystem::remove_all(home_);
  }

  std::vector<std::string> gpg(std::vector<std::string> args) const {
    std::vector<std::string> out = {"gpg",      "--homedir",    home_.string(),
                                    "--batch",  "--yes",        "--pinentry-mode",
                                    "loopback", "--passphrase", ""};
    out.insert(out.end(), args.begin(), args.end());
    return out;
  }

  // Generates a key ("ed25519" or "rsa3072"; usage "sign" or "cert") and returns its fingerprint.
  TestKey generate(const std::string& uid, const std::string& algorithm,
                   const std::string& usage = "sign") {
    EXPECT_EQ(run(gpg({"--quick-gen-key", uid, algorithm, usage, "never"})), 0) << uid;
    TestKey key;
    const std::filesystem::path listing = home_ / "listing.txt";
    run(gpg({"--with-colons", "--list-keys", uid}), listing.string());
    std::istringstream lines(slurp(listing));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("fpr:", 0) == 0) {  // fpr:::::::::<FINGERPRINT>:
        std::vector<std::string> fields;
        std::istringstream split(line);
        std::string field;
        while (std::getline(split, field, ':')) {
          fields.push_back(field);
        }
        key.fingerprint = fields.size() > 9 ? fields[9] : "";
        break;
      }
    }
    EXPECT_EQ(key.fingerprint.size(), 40U) << line;
    key.armored = export_keys({key.fingerprint});
    return key;
  }

  std::string export_keys(const std::vector<std::string>& fingerprints) const {
    const std::filesystem::path file = home_ / "export.asc";
    std::vector<std::string> args = {"--armor", "--export"};
    args.insert(args.end(), fingerprints.begin(), fingerprints.end());
    EXPECT_EQ(run(gpg(args), file.string()), 0);
    return slurp(file);
  }

  void add_signing_subkey(const std::string& primary) {
    EXPECT_EQ(run(gpg({"--quick-add-key", primary, "ed25519", "sign", "never"})), 0);
  }

  // Signs `data` with the key (a fingerprint, with "!" to force that exact subkey) and returns
  // the armoured output. mode: "--detach-sign" or "--clearsign".
  std::string sign(const std::string& signer, const std::string& data, const std::string& mode,
                   const std::vector<std::string>& extra = {}) const {
    const std::filesystem::path input = home_ / "data.txt";
    const std::filesystem::path output = home_ / "signed.asc";
    std::ofstream(input, std::ios::binary) << data;
    std::vector<std::string> args = {"--local-user", signer, "--armor"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {mode, "--output", output.string(), input.string()});
    EXPECT_EQ(run(gpg(args)), 0) << mode;
    return slurp(output);
  }

 private:
  std::filesystem::path home_;
};

}  // namespace assay::verify::pgp::test_keys

#endif  // ASSAY_VERIFY_PGP_TEST_KEYRING_H_
