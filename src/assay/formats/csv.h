// CSV (RFC 4180) through libcsv, with line numbers and limits: the shared reader for KEV, EPSS and
// any other tabular feed.
#ifndef ASSAY_FORMATS_CSV_H_
#define ASSAY_FORMATS_CSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/result.h"

namespace assay::formats {

struct CsvRow {
  std::size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Parses `text` into rows (strict RFC 4180 quoting; CRLF or LF). Lines starting with `comment`
// (when non-zero) are skipped and returned in `comments`. Fails with kInvalidInput, location
// "source:line", on malformed quoting, invalid UTF-8, or past `limits` (bytes, rows = max_items,
// field length = max_string_bytes).
struct CsvDocument {
  std::vector<std::string> comments;
  std::vector<CsvRow> rows;
};
[[nodiscard]] Result<CsvDocument> parse_csv(std::string_view text, std::string_view source,
                                            const InputLimits& limits = {}, char comment = '\0');

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_CSV_H_
