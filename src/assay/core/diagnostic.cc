// Diagnostic rendering and the capped sink.
#include "assay/core/diagnostic.h"

#include <utility>

namespace assay {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::string Diagnostic::to_string() const {
  std::string out;
  if (!location.empty()) {
    out += location;
    out += ": ";
  }
  out += assay::to_string(severity);
  if (!code.empty()) {
    out += " [";
    out += code;
    out += "]";
  }
  out += ": ";
  out += message;
  return out;
}

Diagnostic to_diagnostic(const Error& error, std::string code) {
  if (code.empty()) {
    code = std::string(assay::to_string(error.code));
  }
  return Diagnostic{Severity::kError, std::move(code), error.message, error.location};
}

void DiagnosticSink::add(Severity severity, std::string code, std::string message,
                         std::string location) {
  if (severity == Severity::kError) {
    ++error_count_;
  }
  if (diagnostics_.size() >= max_) {
    ++dropped_;
    return;
  }
  diagnostics_.push_back(
      Diagnostic{severity, std::move(code), std::move(message), std::move(location)});
}

std::vector<Diagnostic> DiagnosticSink::take() {
  if (dropped_ > 0) {
    diagnostics_.push_back(
        Diagnostic{Severity::kInfo, "DIAGNOSTICS-TRUNCATED",
                   std::to_string(dropped_) + " further diagnostics were not listed", ""});
    dropped_ = 0;
  }
  return std::move(diagnostics_);
}

std::string text_location(std::string_view file, std::size_t line, std::size_t column) {
  std::string out(file);
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) {
      out += ":" + std::to_string(column);
    }
  }
  return out;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn position;
  if (offset > text.size()) {
    offset = text.size();
  }
  for (std::size_t index = 0; index < offset; ++index) {
    if (text[index] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

}  // namespace assay
