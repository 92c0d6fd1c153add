// Loading a CycloneDX XML document safely (size, UTF-8, no DOCTYPE, root element and namespace),
// shared by the XML reader and the XSD validation. Private to the formats module.
#ifndef ASSAY_FORMATS_CYCLONEDX_XML_INTERNAL_H_
#define ASSAY_FORMATS_CYCLONEDX_XML_INTERNAL_H_

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "assay/core/limits.h"
#include "assay/core/result.h"

namespace assay::formats::internal {

struct CycloneDxXmlDocument {
  std::unique_ptr<pugi::xml_document> document;
  std::string prefix;         // namespace prefix of the root element ("" when default)
  std::string spec_version;   // from the namespace: "1.6"
  std::string namespace_uri;  // "http://cyclonedx.org/schema/bom/1.6"
};

// Fails with kInvalidInput ("source:line:col") on size, UTF-8, XML syntax, a DOCTYPE, or a root
// element that is not <bom> in a CycloneDX namespace.
[[nodiscard]] Result<CycloneDxXmlDocument> load_cyclonedx_xml(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits);

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_CYCLONEDX_XML_INTERNAL_H_
