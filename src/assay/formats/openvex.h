// OpenVEX (https://github.com/openvex/spec) reader: 0.2.0 documents, and the older 0.0.1 form
// (vulnerability and products as plain strings, statement-level subcomponents) that go-vex still
// reads, into the normalised VEX model. See docs/formats/vex.md.
#ifndef ASSAY_FORMATS_OPENVEX_H_
#define ASSAY_FORMATS_OPENVEX_H_

#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/vex.h"

namespace assay::formats {

// True when `root` is an object whose "@context" names an openvex.dev namespace.
bool looks_like_openvex(const json::Json& root);

// Reads an OpenVEX document. Fails with kInvalidInput when the text is not JSON (location
// "source:line:col"), breaks `limits`, or is not an object. Everything else is a diagnostic
// located "source#/json/pointer" and the rest is still read:
//   OPENVEX-TYPE          a member of the wrong type (error; the member is skipped)
//   OPENVEX-REQUIRED      a required member is missing: @context, @id, author, timestamp,
//                         version, statements, a statement's vulnerability, status (error;
//                         what is there is still read)
//   OPENVEX-STATUS        an unknown status; the statement is dropped (error)
//   OPENVEX-JUSTIFICATION not_affected without justification or impact_statement, or an unknown
//                         justification (error)
//   OPENVEX-ACTION        affected without action_statement (error)
//   OPENVEX-PRODUCT       a statement with no product, or a product with neither @id nor
//                         identifiers (error)
//   OPENVEX-LEGACY        the 0.0.1 form (warning: read, but upgrade to 0.2.0)
//   OPENVEX-TIMESTAMP     a timestamp that is not RFC 3339 (error)
//   OPENVEX-UNKNOWN       a member OpenVEX does not define at that level, e.g. a misspelling
//                         (error; a warning in the 0.0.1 form, which had other members)
// A statement without its own timestamp inherits the document's, as the specification says.
[[nodiscard]] Result<Parsed<model::VexDocument>> read_openvex(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits = {});
// The same over an already parsed tree.
Parsed<model::VexDocument> read_openvex_json(const json::Json& root, std::string_view source);

// OpenVEX justification labels, in the specification's order.
bool is_openvex_justification(std::string_view label);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_OPENVEX_H_
