// assay purl parse: canonical form and components of package URLs. TODO(#2): JSON components.
#include <CLI/CLI.hpp>

#include "assay/purl/purl.h"

#include "cli.h"

namespace assay::cli {

void register_purl_commands(CLI::App& app, Context& context) {
  CLI::App* purl = app.add_subcommand("purl", "Parse and normalise package URLs");
  purl->require_subcommand(1);
  auto text = std::make_shared<std::string>();
  CLI::App* parse = purl->add_subcommand("parse", "Print a purl's canonical form and components");
  parse->add_option("purl", *text, "package URL")->required();
  parse->callback([&context, text] {
    const Result<purl::Purl> parsed = purl::parse(*text);
    if (!parsed) {
      context.exit_code = report_error(context, parsed.error());
      return;
    }
    context.out << parsed->to_string() << "\n";
  });
}

}  // namespace assay::cli
