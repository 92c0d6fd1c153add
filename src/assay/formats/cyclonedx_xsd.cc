// CycloneDX XML validation against the official XSDs (embedded at build time) with libxml2, the
// engine the CycloneDX JavaScript library's XML validator also uses. libxml2 never touches the
// network or the file system here: an entity loader serves only the embedded schema files, and
// instance documents are parsed only after the DOCTYPE check, with XML_PARSE_NONET.
#include <mutex>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "assay/core/strings.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/cyclonedx_xml_internal.h"
#include "assay/formats/schema.h"

namespace assay::formats {
namespace {

xmlParserInputPtr embedded_entity_loader(const char* url, const char* /*id*/,
                                         xmlParserCtxtPtr context) {
  std::string_view name = url == nullptr ? std::string_view() : std::string_view(url);
  const std::size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) {
    name = name.substr(slash + 1);
  }
  const std::string* text = embedded_schema_text(name);
  if (text == nullptr) {
    return nullptr;  // refuse everything that is not an embedded schema
  }
  return xmlNewStringInputStream(context, reinterpret_cast<const xmlChar*>(text->c_str()));
}

void initialise_libxml2() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(embedded_entity_loader);
  });
}

struct SchemaSlot {
  std::once_flag once;
  xmlSchemaPtr schema = nullptr;
  std::string error;
};

void collect_error(void* user_data, xmlErrorPtr error) {
  auto* errors = static_cast<std::vector<std::pair<int, std::string>>*>(user_data);
  if (error == nullptr || errors->size() >= 1000) {
    return;
  }
  std::string message = error->message == nullptr ? "" : error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  errors->emplace_back(error->line, std::move(message));
}

// The compiled XSD for a CycloneDX XML version, cached for the life of the program.
Result<xmlSchemaPtr> cyclonedx_xsd(const std::string& version) {
  static constexpr std::string_view kVersions[] = {"1.0", "1.1", "1.2", "1.3",
                                                   "1.4", "1.5", "1.6", "1.7"};
  static SchemaSlot slots[std::size(kVersions)];
  const auto* found = std::find(std::begin(kVersions), std::end(kVersions), version);
  if (found == std::end(kVersions)) {
    return fail(ErrorCode::kUnsupported, "CycloneDX XML version " + quote(version, 20) +
                                             " has no XSD (Assay has the XSDs of 1.0 to 1.7)");
  }
  SchemaSlot& slot = slots[found - std::begin(kVersions)];
  std::call_once(slot.once, [&] {
    initialise_libxml2();
    const std::string name = "bom-" + version + ".SNAPSHOT.xsd";
    const std::string* text = embedded_schema_text(name);
    if (text == nullptr) {
      slot.error = "embedded schema " + name + " is missing";
      return;
    }
    std::vector<std::pair<int, std::string>> errors;
    xmlSchemaParserCtxtPtr parser =
        xmlSchemaNewMemParserCtxt(text->data(), static_cast<int>(text->size()));
    xmlSchemaSetParserStructuredErrors(parser, collect_error, &errors);
    slot.schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (slot.schema == nullptr) {
      slot.error = "the embedded XSD " + name + " could not be compiled" +
                   (errors.empty() ? std::string() : ": " + errors.front().second);
    }
  });
  if (slot.schema == nullptr) {
    return fail(ErrorCode::kInternal, slot.error);
  }
  return slot.schema;
}

// "Element '{http://cyclonedx.org/schema/bom/1.6}component'" -> "Element 'component'".
std::string shorten(std::string message, const std::string& namespace_uri) {
  const std::string qualified = "{" + namespace_uri + "}";
  for (std::size_t at = message.find(qualified); at != std::string::npos;
       at = message.find(qualified, at)) {
    message.erase(at, qualified.size());
  }
  return message;
}

}  // namespace

Result<Parsed<model::Sbom>> validate_cyclonedx_xml(std::string_view text, std::string_view source,
                                                   const InputLimits& limits) {
  ASSAY_TRY(Parsed<model::Sbom> parsed, read_cyclonedx_xml(text, source, limits));
  ASSAY_TRY(const internal::CycloneDxXmlDocument loaded,
            internal::load_cyclonedx_xml(text, source, limits));
  Result<xmlSchemaPtr> schema = cyclonedx_xsd(loaded.spec_version);
  if (!schema) {
    if (schema.error().code != ErrorCode::kUnsupported) {
      return fail(schema.error().code, schema.error().message, std::string(source));
    }
    // The namespace names no CycloneDX version: the document is invalid, not merely new.
    parsed.diagnostics.insert(
        parsed.diagnostics.begin(),
        Diagnostic{Severity::kError, "CDX-XSD",
                   "the root namespace " + quote(loaded.namespace_uri, 80) +
                       " is not a CycloneDX version; use http://cyclonedx.org/schema/bom/1.6 "
                       "(Assay has the XSDs of 1.0 to 1.7)",
                   text_location(source, 1)});
    return parsed;
  }
  std::vector<std::pair<int, std::string>> errors;
  xmlDocPtr document =
      xmlReadMemory(text.data(), static_cast<int>(text.size()), std::string(source).c_str(),
                    nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  DiagnosticSink sink;
  if (document == nullptr) {
    sink.error("CDX-XSD", "libxml2 could not parse the document for schema validation",
               std::string(source));
  } else {
    xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(*schema);
    xmlSchemaSetValidStructuredErrors(validator, collect_error, &errors);
    const int status = xmlSchemaValidateDoc(validator, document);
    xmlSchemaFreeValidCtxt(validator);
    xmlFreeDoc(document);
    for (const auto& [line, message] : errors) {
      sink.error("CDX-XSD", shorten(message, loaded.namespace_uri),
                 text_location(source, line > 0 ? static_cast<std::size_t>(line) : 0));
    }
    if (status != 0 && errors.empty()) {
      sink.error("CDX-XSD",
                 "the document does not conform to the CycloneDX " + loaded.spec_version + " XSD",
                 std::string(source));
    }
  }
  std::vector<Diagnostic> diagnostics = sink.take();
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(parsed.diagnostics.begin()),
                     std::make_move_iterator(parsed.diagnostics.end()));
  parsed.diagnostics = std::move(diagnostics);
  return parsed;
}

}  // namespace assay::formats
