// Diagnostics: what a reader found wrong or odd in its input without giving up on it. Readers
// return Parsed<T>, a value plus diagnostics; they fail outright only when nothing usable remains.
#ifndef ASSAY_CORE_DIAGNOSTIC_H_
#define ASSAY_CORE_DIAGNOSTIC_H_

#include <string>
#include <string_view>
#include <vector>

#include "assay/core/error.h"

namespace assay {

enum class Severity { kError, kWarning, kInfo };

// "error", "warning" or "info".
std::string_view to_string(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;      // stable, e.g. "CDX-DANGLING-REF"; tests and tools key on it
  std::string message;   // one sentence a vendor's engineer can act on
  std::string location;  // "file:line:col" or "file#/json/pointer"

  // "location: severity [code]: message"
  std::string to_string() const;
};

// Builds a diagnostic from an Error (severity error, code from the error code).
Diagnostic to_diagnostic(const Error& error, std::string code = {});

template <typename T>
struct Parsed {
  T value{};
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const {
    for (const Diagnostic& diagnostic : diagnostics) {
      if (diagnostic.severity == Severity::kError) {
        return true;
      }
    }
    return false;
  }
};

// Collects diagnostics, with a cap so hostile input cannot grow the list without bound. Once the
// cap is reached one final diagnostic says how many more were dropped.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::size_t max_diagnostics = 1000) : max_(max_diagnostics) {}

  void add(Severity severity, std::string code, std::string message, std::string location);
  void error(std::string code, std::string message, std::string location) {
    add(Severity::kError, std::move(code), std::move(message), std::move(location));
  }
  void warning(std::string code, std::string message, std::string location) {
    add(Severity::kWarning, std::move(code), std::move(message), std::move(location));
  }
  void info(std::string code, std::string message, std::string location) {
    add(Severity::kInfo, std::move(code), std::move(message), std::move(location));
  }

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  // Moves the collected diagnostics out, appending the "N more" note when some were dropped.
  std::vector<Diagnostic> take();

 private:
  std::size_t max_;
  std::size_t error_count_ = 0;
  std::size_t dropped_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

// "file:line:col" (line and column 1-based; omitted when zero).
std::string text_location(std::string_view file, std::size_t line, std::size_t column = 0);

// Line and column (both 1-based) of byte `offset` in `text`.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace assay

#endif  // ASSAY_CORE_DIAGNOSTIC_H_
