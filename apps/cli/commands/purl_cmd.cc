// assay purl parse: prints a package URL's canonical form and its components as JSON, for one purl
// or (--batch) one per line of stdin.
#include <istream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/purl/purl.h"

#include "cli.h"

namespace assay::cli {

namespace {

struct PurlOptions {
  std::string text;
  bool batch = false;
  bool strict = false;
};

// {"type":…, "namespace":…|null, "name":…, "version":…|null, "qualifiers":{…}|null,
// "subpath":…|null} on one line.
std::string components_json(const purl::Purl& parsed) {
  using nlohmann::ordered_json;
  const auto optional = [](const std::string& value) {
    return value.empty() ? ordered_json(nullptr) : ordered_json(value);
  };
  ordered_json object;
  object["type"] = parsed.type;
  object["namespace"] = optional(parsed.namespace_);
  object["name"] = parsed.name;
  object["version"] = optional(parsed.version);
  if (parsed.qualifiers.empty()) {
    object["qualifiers"] = nullptr;
  } else {
    ordered_json qualifiers = ordered_json::object();
    for (const auto& [key, value] : parsed.qualifiers) {
      qualifiers[key] = value;
    }
    object["qualifiers"] = std::move(qualifiers);
  }
  object["subpath"] = optional(parsed.subpath);
  // parse() guarantees valid UTF-8; "replace" only keeps dump() from ever throwing.
  return object.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// Reads one line (without its '\n') into `line`, keeping at most `limit` bytes; sets `too_long`
// when the line had more. Returns false at end of input with nothing read.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t limit, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr) {
    return false;
  }
  bool read_any = false;
  while (true) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      return read_any;
    }
    read_any = true;
    if (c == '\n') {
      return true;
    }
    if (line.size() < limit + 1) {  // keep one byte more than the limit to see an over-long '\r'
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

int run_batch(Context& context, purl::Mode mode) {
  std::string line;
  bool too_long = false;
  bool any_error = false;
  std::size_t line_number = 0;
  while (read_bounded_line(context.in, line, kMaxPurlBytes, too_long)) {
    ++line_number;
    if (!too_long && !line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (too_long || line.size() > kMaxPurlBytes) {
      context.out << "error: line " << line_number << " is longer than " << kMaxPurlBytes
                  << " bytes\n";
      any_error = true;
      continue;
    }
    const Result<purl::Purl> parsed = purl::parse(line, mode);
    if (parsed) {
      context.out << parsed->to_string() << '\t' << components_json(*parsed) << '\n';
    } else {
      context.out << "error: " << parsed.error().message << '\n';
      any_error = true;
    }
  }
  context.out.flush();
  return any_error ? kExitNegative : kExitOk;
}

int run_single(Context& context, const std::string& text, purl::Mode mode) {
  const Result<purl::Purl> parsed = purl::parse(text, mode);
  if (!parsed) {
    context.err << "assay: " << quote(text) << ": " << parsed.error().message << "\n";
    return kExitNegative;
  }
  context.out << parsed->to_string() << "\n" << components_json(*parsed) << "\n";
  return kExitOk;
}

}  // namespace

void register_purl_commands(CLI::App& app, Context& context) {
  CLI::App* purl = app.add_subcommand("purl", "Parse and normalise package URLs");
  purl->require_subcommand(1);
  auto options = std::make_shared<PurlOptions>();

  CLI::App* parse = purl->add_subcommand(
      "parse", "Print a purl's canonical form (line 1) and its components as JSON (line 2)");
  parse->add_option("purl", options->text, "package URL, e.g. pkg:npm/%40angular/core@17.0.0");
  parse->add_flag("--batch", options->batch,
                  "read one purl per line from stdin; print '<canonical><TAB><json>' or "
                  "'error: <reason>' per line");
  parse->add_flag("--strict", options->strict,
                  "apply ECMA-427's 'shall' rules only: reject upper-case qualifier keys, raw "
                  "spaces and non-ASCII bytes instead of normalising them");
  parse->footer(
      "Examples:\n"
      "  assay purl parse 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'\n"
      "  assay purl parse 'pkg:PyPI/Django_Package@1.0?Platform=x'   # pkg:pypi/django-package...\n"
      "  assay purl parse 'pkg:npm/@babel/core@7.24.0#lib/index.js'\n"
      "  printf 'pkg:deb/debian/curl@7.50.3-1?arch=i386\\npkg:3x/y\\n' | assay purl parse "
      "--batch\n"
      "Output: the canonical purl, then one JSON object:\n"
      "  {\"type\":..,\"namespace\":..|null,\"name\":..,\"version\":..|null,\n"
      "   \"qualifiers\":{..}|null,\"subpath\":..|null}\n"
      "Exit status: 0 valid; 1 invalid (or, with --batch, any line was); 2 usage error.");
  parse->callback([&context, options, parse] {
    const bool have_purl = parse->count("purl") > 0;
    if (options->batch && have_purl) {
      context.err << "assay: with --batch, purls come from stdin; give no purl argument\n";
      context.exit_code = kExitUsage;
      return;
    }
    if (!options->batch && !have_purl) {
      context.err << "assay: purl parse needs a purl (or --batch)\n";
      context.exit_code = kExitUsage;
      return;
    }
    const purl::Mode mode = options->strict ? purl::Mode::kStrict : purl::Mode::kNormalize;
    context.exit_code =
        options->batch ? run_batch(context, mode) : run_single(context, options->text, mode);
  });
}

}  // namespace assay::cli
