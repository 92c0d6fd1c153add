// assay version compare | contains: the version semantics of every ecosystem, for people and for
// scripts (--batch reads tab-separated pairs from stdin and answers one line per line, in order).
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/version/ecosystem.h"
#include "assay/version/range.h"
#include "assay/version/version.h"

#include "cli.h"

namespace assay::cli {

namespace {

struct VersionOptions {
  std::string ecosystem;
  std::string first;   // a, or the range
  std::string second;  // b, or the version
  bool batch = false;
  bool include_prereleases = false;
};

// The ecosystem to use: an OSV name or purl type from the table.
Result<const version::Ecosystem*> resolve_ecosystem(const std::string& name) {
  const version::Ecosystem* ecosystem = version::find_ecosystem(name);
  if (ecosystem == nullptr) {
    return fail(ErrorCode::kInvalidInput,
                "unknown ecosystem " + quote(name) +
                    "; use an OSV ecosystem name (npm, PyPI, Maven, Go, crates.io, NuGet, "
                    "RubyGems, Packagist, Debian, Alpine, Red Hat, Hex, Pub, CRAN, Hackage, "
                    "ConanCenter, ...) or a purl type (pypi, golang, cargo, gem, deb, ...)");
  }
  return ecosystem;
}

std::string_view order_symbol(int order) {
  return order < 0 ? "<" : (order > 0 ? ">" : "=");
}

Result<std::string> compare_line(const version::Ecosystem& ecosystem, std::string_view a,
                                 std::string_view b) {
  ASSAY_TRY(const int order, version::compare(ecosystem.scheme, a, b));
  return std::string(order_symbol(order));
}

Result<std::string> contains_line(const version::Ecosystem& ecosystem, std::string_view range_text,
                                  std::string_view version_text, version::ContainsOptions options) {
  ASSAY_TRY(const version::Range range, version::Range::parse(ecosystem, range_text));
  ASSAY_TRY(const bool inside, range.contains(version_text, options));
  return std::string(inside ? "true" : "false");
}

// Reads "x<TAB>y" lines and writes one answer per line. Returns 1 when any line was an error.
template <typename Answer>
int run_batch(Context& context, Answer answer) {
  std::string line;
  bool any_error = false;
  std::size_t line_number = 0;
  while (std::getline(context.in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.size() > kMaxRangeBytes) {
      context.out << "error: line " << line_number << " is longer than " << kMaxRangeBytes
                  << " bytes\n";
      any_error = true;
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      context.out << "error: line " << line_number << " needs two fields separated by a tab, found "
                  << quote(line, 60) << "\n";
      any_error = true;
      continue;
    }
    const std::string_view view(line);
    const Result<std::string> result = answer(view.substr(0, tab), view.substr(tab + 1));
    if (result) {
      context.out << *result << "\n";
    } else {
      context.out << "error: " << result.error().to_string() << "\n";
      any_error = true;
    }
  }
  context.out.flush();
  return any_error ? kExitNegative : kExitOk;
}

int run_single(Context& context, const Result<std::string>& result) {
  if (!result) {
    context.err << "assay: " << result.error().to_string() << "\n";
    return result.error().code == ErrorCode::kInvalidInput ? kExitNegative
                                                           : exit_code_for(result.error());
  }
  context.out << *result << "\n";
  return kExitOk;
}

int check_positionals(Context& context, const VersionOptions& options, const CLI::App& command,
                      const char* first_name, const char* second_name) {
  const bool have_first = command.count(first_name) > 0;
  const bool have_second = command.count(second_name) > 0;
  if (options.batch && (have_first || have_second)) {
    context.err << "assay: with --batch, give only the ecosystem; pairs come from stdin\n";
    return kExitUsage;
  }
  if (!options.batch && !(have_first && have_second)) {
    context.err << "assay: " << command.get_name() << " needs <ecosystem> " << first_name << " "
                << second_name << " (or --batch)\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

void register_version_commands(CLI::App& app, Context& context) {
  CLI::App* version = app.add_subcommand(
      "version", "Compare versions and test range membership with each ecosystem's own rules");
  version->require_subcommand(1);
  version->footer(
      "Ecosystems are OSV names (npm, PyPI, Maven, Go, crates.io, NuGet, RubyGems, Packagist,\n"
      "Debian, Alpine, Red Hat, Hex, Pub, CRAN, Hackage, ConanCenter, ...) or purl types.");

  auto options = std::make_shared<VersionOptions>();

  CLI::App* compare = version->add_subcommand(
      "compare", "Print <, = or > for two versions in an ecosystem's order");
  compare->add_option("ecosystem", options->ecosystem, "OSV ecosystem name or purl type")
      ->required();
  compare->add_option("a", options->first, "first version");
  compare->add_option("b", options->second, "second version");
  compare->add_flag("--batch", options->batch,
                    "read 'a<TAB>b' lines from stdin; print <, =, > or 'error: <reason>' per line");
  compare->footer(
      "Examples:\n"
      "  assay version compare PyPI 1.0.dev1 1.0a1          # <\n"
      "  assay version compare Debian 1:1.0~rc1-1 1:1.0-1   # <\n"
      "  assay version compare maven 1.0-SNAPSHOT 1.0       # <\n"
      "  printf '1.2.3\\t1.10.0\\n' | assay version compare npm --batch\n"
      "Exit status: 0 answered; 1 a version was invalid (or, with --batch, any line was);\n"
      "2 usage error.");
  compare->callback([&context, options, compare] {
    context.exit_code = check_positionals(context, *options, *compare, "a", "b");
    if (context.exit_code != kExitOk) {
      return;
    }
    const Result<const version::Ecosystem*> ecosystem = resolve_ecosystem(options->ecosystem);
    if (!ecosystem) {
      context.exit_code = report_error(context, ecosystem.error());
      return;
    }
    const version::Ecosystem& chosen = **ecosystem;
    if (options->batch) {
      context.exit_code = run_batch(context, [&chosen](std::string_view a, std::string_view b) {
        return compare_line(chosen, a, b);
      });
    } else {
      context.exit_code =
          run_single(context, compare_line(chosen, options->first, options->second));
    }
  });

  CLI::App* contains =
      version->add_subcommand("contains", "Print true or false: is the version inside the range?");
  contains->add_option("ecosystem", options->ecosystem, "OSV ecosystem name or purl type")
      ->required();
  contains->add_option("range", options->first,
                       "range in the ecosystem's native syntax, or a vers: URI");
  contains->add_option("version", options->second, "version to test");
  contains->add_flag("--batch", options->batch,
                     "read 'range<TAB>version' lines from stdin; print true, false or "
                     "'error: <reason>' per line");
  contains->add_flag("--include-prereleases", options->include_prereleases,
                     "let pre-releases match by order alone (the ecosystem's own tool may exclude "
                     "them, as node-semver and PEP 440 do)");
  contains->footer(
      "Examples:\n"
      "  assay version contains npm '^1.2.0 || >=2.1.0 <3' 1.4.0      # true\n"
      "  assay version contains PyPI '>=1.0,!=1.5.*,<2' 1.5.2         # false\n"
      "  assay version contains Maven '[1.0,2.0)' 2.0                 # false\n"
      "  assay version contains deb 'vers:deb/>=1:1.0|<1:2.0' 1:1.5-1  # true\n"
      "Native syntaxes: npm ranges, Cargo requirements, PEP 440 specifiers, Maven and NuGet\n"
      "ranges, RubyGems requirements, Composer constraints; elsewhere comparators such as\n"
      "'>=1.0, <2.0' with '||' for alternatives. Exit status as for compare.");
  contains->callback([&context, options, contains] {
    context.exit_code = check_positionals(context, *options, *contains, "range", "version");
    if (context.exit_code != kExitOk) {
      return;
    }
    const Result<const version::Ecosystem*> ecosystem = resolve_ecosystem(options->ecosystem);
    if (!ecosystem) {
      context.exit_code = report_error(context, ecosystem.error());
      return;
    }
    const version::Ecosystem& chosen = **ecosystem;
    version::ContainsOptions contains_options;
    if (options->include_prereleases) {
      contains_options.prereleases = version::PrereleasePolicy::kInclude;
    }
    if (options->batch) {
      context.exit_code =
          run_batch(context, [&chosen, contains_options](std::string_view r, std::string_view v) {
            return contains_line(chosen, r, v, contains_options);
          });
    } else {
      context.exit_code = run_single(
          context, contains_line(chosen, options->first, options->second, contains_options));
    }
  });
}

}  // namespace assay::cli
