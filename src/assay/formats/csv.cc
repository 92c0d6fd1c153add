// libcsv adapter.
#include "assay/formats/csv.h"

#include <csv.h>

#include "assay/core/diagnostic.h"
#include "assay/core/utf8.h"

namespace assay::formats {

namespace {

struct State {
  CsvDocument* document;
  const InputLimits* limits;
  std::vector<std::string> fields;
  std::size_t line = 1;
  std::size_t row_line = 1;
  bool over_limit = false;
  std::string limit_message;
};

void on_field(void* data, std::size_t size, void* opaque) {
  auto* state = static_cast<State*>(opaque);
  if (state->over_limit) {
    return;
  }
  if (size > state->limits->max_string_bytes) {
    state->over_limit = true;
    state->limit_message =
        "a field is longer than " + std::to_string(state->limits->max_string_bytes) + " bytes";
    return;
  }
  state->fields.emplace_back(data == nullptr ? "" : static_cast<const char*>(data),
                             data == nullptr ? 0 : size);
}

void on_row(int terminator, void* opaque) {
  static_cast<void>(terminator);
  auto* state = static_cast<State*>(opaque);
  if (state->over_limit) {
    return;
  }
  if (state->document->rows.size() >= state->limits->max_items) {
    state->over_limit = true;
    state->limit_message = "more than " + std::to_string(state->limits->max_items) + " rows";
    return;
  }
  state->document->rows.push_back(CsvRow{state->row_line, std::move(state->fields)});
  state->fields.clear();
}

}  // namespace

Result<CsvDocument> parse_csv(std::string_view text, std::string_view source,
                              const InputLimits& limits, char comment) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "file is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes),
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const LineColumn position = line_column_at(text, *bad);
    return fail(ErrorCode::kInvalidInput, "invalid UTF-8 at byte offset " + std::to_string(*bad),
                text_location(source, position.line, position.column));
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);  // a UTF-8 byte order mark, as spreadsheet exports write
  }
  CsvDocument document;
  State state{&document, &limits, {}, 1, 1, false, {}};
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return fail(ErrorCode::kInternal, "cannot initialise the CSV parser");
  }
  // Feed line by line so that rows know their line numbers and comment lines can be skipped.
  std::size_t position = 0;
  bool in_quotes = false;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(position, end - position);
    if (!in_quotes && comment != '\0' && !line.empty() && line.front() == comment) {
      std::string_view body = line;
      while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) {
        body.remove_suffix(1);
      }
      document.comments.emplace_back(body);
    } else {
      if (!in_quotes) {
        state.row_line = state.line;
      }
      if (csv_parse(&parser, line.data(), line.size(), on_field, on_row, &state) != line.size()) {
        const std::string message = csv_strerror(csv_error(&parser));
        csv_free(&parser);
        return fail(ErrorCode::kInvalidInput, "malformed CSV: " + message,
                    text_location(source, state.line));
      }
      // An odd number of quotes on the line flips whether a quoted field continues.
      for (const char c : line) {
        if (c == '"') {
          in_quotes = !in_quotes;
        }
      }
    }
    if (state.over_limit) {
      csv_free(&parser);
      return fail(ErrorCode::kInvalidInput, state.limit_message, text_location(source, state.line));
    }
    position = end;
    ++state.line;
  }
  if (csv_fini(&parser, on_field, on_row, &state) != 0) {
    const std::string message = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    return fail(ErrorCode::kInvalidInput, "malformed CSV at end of file: " + message,
                std::string(source));
  }
  csv_free(&parser);
  if (state.over_limit) {
    return fail(ErrorCode::kInvalidInput, state.limit_message, std::string(source));
  }
  return document;
}

}  // namespace assay::formats
