// The schema texts embedded into the binary at build time (schema_embed.cmake generates the table
// from the npm package @cyclonedx/cyclonedx-library). Private to the formats module.
#ifndef ASSAY_FORMATS_SCHEMA_EMBEDDED_H_
#define ASSAY_FORMATS_SCHEMA_EMBEDDED_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace assay::formats::internal {

// One embedded file, stored as consecutive chunks (compilers limit single literals).
struct EmbeddedSchemaChunks {
  std::string_view name;  // file name as the package ships it: "bom-1.6.SNAPSHOT.schema.json"
  const std::string_view* chunks;
  std::size_t chunk_count;
};

// Every embedded file, sorted by name. Defined in the generated embedded_schemas.cc.
std::span<const EmbeddedSchemaChunks> embedded_schema_table();

// The whole text of embedded file `name`, or nullptr when there is none. The string lives for the
// whole program; thread-safe.
const std::string* embedded_schema(std::string_view name);

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_SCHEMA_EMBEDDED_H_
