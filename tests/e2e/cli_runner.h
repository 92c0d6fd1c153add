// Runs the assay command line in-process for end-to-end tests and captures what it prints.
#ifndef ASSAY_TESTS_E2E_CLI_RUNNER_H_
#define ASSAY_TESTS_E2E_CLI_RUNNER_H_

#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace assay::testing {

struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs `assay <args...>` with `input` on stdin.
inline CliResult run_cli(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<const char*> argv{"assay"};
  for (const std::string& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  CliResult result;
  result.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), in, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace assay::testing

#endif  // ASSAY_TESTS_E2E_CLI_RUNNER_H_
