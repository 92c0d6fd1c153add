// Shared plumbing for the assay command line: the streams a command writes to, exit codes, and
// how each command registers itself. Commands hold no domain logic; they call the library.
#ifndef ASSAY_APPS_CLI_CLI_H_
#define ASSAY_APPS_CLI_CLI_H_

#include <functional>
#include <iosfwd>
#include <string>

#include "assay/core/diagnostic.h"
#include "assay/core/error.h"
#include "assay/core/json.h"
#include "assay/core/result.h"

namespace CLI {
class App;
}  // namespace CLI

namespace assay::cli {

// Exit codes, the same for every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNegative = 1;  // ran, and the answer is "no": invalid, failed, policy met
inline constexpr int kExitUsage = 2;     // bad arguments, unreadable input, or an error
inline constexpr int kExitInternal = 70;  // a bug in Assay (EX_SOFTWARE)

// The one place an ErrorCode becomes an exit code: kVerifyFailed -> 1, kInternal -> 70, else 2.
int exit_code_for(const Error& error);

struct Context {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  int exit_code = kExitOk;
};

// Prints "assay: <location>: <message>" on the error stream and returns exit_code_for(error).
int report_error(Context& context, const Error& error);

// A document's bytes: the file, or standard input for "-", within Assay's default input limits.
[[nodiscard]] Result<std::string> read_input(Context& context, const std::string& file);
// The name locations show for `file` ("<stdin>" for "-").
std::string display_name(const std::string& file);
// {"severity", "code", "location", "message"}: one diagnostic in every command's JSON output.
json::OrderedJson diagnostic_json(const Diagnostic& diagnostic);

// Each command file registers its subcommands; the callback sets context.exit_code.
void register_version_commands(CLI::App& app, Context& context);
void register_purl_commands(CLI::App& app, Context& context);
void register_sbom_commands(CLI::App& app, Context& context);
void register_disclosure_commands(CLI::App& app, Context& context);
void register_verify_commands(CLI::App& app, Context& context);
void register_db_commands(CLI::App& app, Context& context);
void register_advisory_commands(CLI::App& app, Context& context);
void register_scan_commands(CLI::App& app, Context& context);
void register_assess_commands(CLI::App& app, Context& context);
void register_pack_commands(CLI::App& app, Context& context);

// Runs the whole command line; returns the exit code. Used by main() and the end-to-end tests.
int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace assay::cli

#endif  // ASSAY_APPS_CLI_CLI_H_
