// The HTML assessment report as a reader sees it: rendered by headless Chromium from the
// gappy-vendor example, saved as a screenshot (<build dir>/artifacts/report.png, a test artefact)
// and as the DOM Chromium built, which must show the overall verdict, every principle of the
// catalogue and tables with header cells. Without Chromium the test skips locally and fails
// under CI=true (scripts/install_deps.sh --test installs it).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "cli_runner.h"
#include "testing.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawn

namespace assay::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kGappy = "examples/packs/gappy-vendor";
constexpr const char* kIntel = "examples/intel";
constexpr const char* kNow = "2026-12-07T12:00:00Z";
constexpr auto kBrowserTimeout = std::chrono::seconds(25);

std::optional<std::filesystem::path> find_chromium() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) {
    return std::nullopt;
  }
  const std::string dirs(path);
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path dir = dirs.substr(start, end - start);
    for (const char* name : {"chromium", "chromium-browser"}) {
      const std::filesystem::path candidate = dir / name;
      if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
    }
    start = end + 1;
  }
  return std::nullopt;
}

struct BrowserRun {
  bool finished = false;
  int exit_code = -1;
};

// Runs `argv` with stdout to `stdout_path` and stderr to `stderr_path`, killing it after
// kBrowserTimeout. No shell.
BrowserRun run_browser(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  BrowserRun run;
  if (spawned != 0) {
    return run;
  }
  const auto deadline = std::chrono::steady_clock::now() + kBrowserTimeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      run.finished = true;
      run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      return run;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return run;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string html_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    out += c == '&'   ? std::string("&amp;")
           : c == '<' ? "&lt;"
           : c == '>' ? "&gt;"
                      : std::string(1, c);
  }
  return out;
}

TEST(ReportBrowserTest, ChromiumShowsTheVerdictPrinciplesAndTables) {
  const std::optional<std::filesystem::path> chromium = find_chromium();
  if (!chromium) {
    if (is_ci()) {
      FAIL() << "chromium is not installed (scripts/install_deps.sh --test installs it)";
    }
    GTEST_SKIP() << "chromium is not installed";
  }
  const std::filesystem::path artefacts = ASSAY_TEST_ARTIFACTS_DIR;
  std::filesystem::create_directories(artefacts);
  const std::filesystem::path report = std::filesystem::absolute(artefacts / "report.html");
  const std::filesystem::path screenshot = artefacts / "report.png";
  const std::filesystem::path dom = artefacts / "report.dom.html";
  std::filesystem::remove(screenshot);
  const CliResult rendered = run_cli({"assess", kGappy, "--advisories", kIntel, "--now", kNow,
                                      "--format", "html", "--out", report.string()});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  const CliResult json_run =
      run_cli({"assess", kGappy, "--advisories", kIntel, "--now", kNow, "--format", "json"});
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const nlohmann::json assessment = nlohmann::json::parse(json_run.out);

  const std::filesystem::path profile = artefacts / "chromium-profile";
  const std::vector<std::string> common = {chromium->string(),
                                           "--headless",
                                           "--no-sandbox",
                                           "--disable-gpu",
                                           "--no-first-run",
                                           "--hide-scrollbars",
                                           "--user-data-dir=" + profile.string(),
                                           "--window-size=1280,4000"};
  std::vector<std::string> shoot = common;
  shoot.push_back("--screenshot=" + screenshot.string());
  shoot.push_back("file://" + report.string());
  const std::string log = (artefacts / "chromium.log").string();
  const BrowserRun shot = run_browser(shoot, "/dev/null", log);
  ASSERT_TRUE(shot.finished) << "chromium --screenshot did not finish in time; see " << log;
  EXPECT_EQ(shot.exit_code, 0) << read_text(log);

  // A real PNG of the window's size, with enough in it to be more than a blank page.
  const std::string png = read_text(screenshot);
  // A blank 1280x4000 page is about 24 KB; the report is several hundred.
  ASSERT_GT(png.size(), 100'000U) << "screenshot missing or nearly empty: " << screenshot;
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const auto be32 = [&png](std::size_t offset) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png[offset])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[offset + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[offset + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png[offset + 3]));
  };
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(16), 1280U);
  EXPECT_EQ(be32(20), 4000U);

  std::vector<std::string> dump = common;
  dump.push_back("--dump-dom");
  dump.push_back("file://" + report.string());
  const BrowserRun dumped = run_browser(dump, dom.string(), log);
  ASSERT_TRUE(dumped.finished) << "chromium --dump-dom did not finish in time";
  EXPECT_EQ(dumped.exit_code, 0) << read_text(log);
  const std::string page = read_text(dom);
  ASSERT_FALSE(page.empty());

  // The overall verdict, near the top.
  EXPECT_TRUE(std::regex_search(page, std::regex("Overall result: <[^>]+>FAIL<")))
      << page.substr(0, 2000);
  EXPECT_THAT(page, HasSubstr("Kestrel Case Manager"));
  // Every principle of the final catalogue, in the summary.
  std::size_t principles = 0;
  for (const nlohmann::json& item : assessment["items"]) {
    if (item["kind"] == "principle") {
      ++principles;
      EXPECT_THAT(page, HasSubstr(html_escaped(item["title"].get<std::string>()))) << item["id"];
    }
  }
  EXPECT_EQ(principles, 14U);
  // Real headings and tables with header cells.
  EXPECT_THAT(page, HasSubstr("<h1"));
  EXPECT_THAT(page, HasSubstr("<h2 id=\"summary\">Summary by principle</h2>"));
  EXPECT_TRUE(std::regex_search(page, std::regex("<table>\\s*<caption>")));
  EXPECT_THAT(page, HasSubstr("<th scope=\"col\">Principle</th>"));
  EXPECT_THAT(page, HasSubstr("<th scope=\"col\">Result</th>"));
  EXPECT_THAT(page, HasSubstr("CVE-2021-44228 in log4j-core 2.14.1"));
}

}  // namespace
}  // namespace assay::testing
