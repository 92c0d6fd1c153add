// Side-by-side comparison of several suppliers' assessments (assay compare): one row per
// principle (or draft provision) and per check, one column per supplier, as text or as a
// self-contained HTML page.
#include <sstream>

#include "assay/assess/assessment.h"
#include "assay/core/strings.h"

namespace assay::assess {

namespace {

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) {
    out.resize(width, ' ');
  } else if (out.size() > width) {
    out = out.substr(0, width - 1) + " ";
  }
  return out;
}

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string css_class(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "fail";
    case Verdict::kWarn:
      return "warn";
    case Verdict::kAttested:
      return "attested";
    case Verdict::kNotApplicable:
      return "na";
  }
  return "na";
}

std::string label(const Assessment& assessment) {
  return assessment.manifest.product.name + " (" + assessment.manifest.vendor.legal_name + ")";
}

}  // namespace

std::string compare_text(const std::vector<Assessment>& assessments) {
  std::ostringstream out;
  constexpr std::size_t kColumn = 12;
  out << "Supplier comparison";
  if (!assessments.empty()) {
    out << " [" << assessments.front().catalogue_id << "]";
  }
  out << "\n";
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    out << "  [" << (i + 1) << "] " << label(assessments[i]) << ": overall "
        << to_string(assessments[i].overall);
    if (assessments[i].inconsistent > 0) {
      out << ", " << assessments[i].inconsistent << " INCONSISTENT";
    }
    out << "\n";
  }
  out << "\n" << padded("", 46);
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    out << padded("[" + std::to_string(i + 1) + "]", kColumn);
  }
  out << "\n";
  if (assessments.empty()) {
    return out.str();
  }
  for (std::size_t row = 0; row < assessments.front().items.size(); ++row) {
    const ItemResult& item = assessments.front().items[row];
    out << padded((item.parent.empty() ? "" : "  ") + item.id + " " + item.title, 46);
    for (const Assessment& assessment : assessments) {
      const ItemResult* other = assessment.item(item.id);
      out << padded(other != nullptr ? to_string(other->verdict) : "-", kColumn);
    }
    out << "\n";
  }
  out << "\n";
  for (const CheckResult& check : assessments.front().checks) {
    out << padded(check.id + " " + check.title, 46);
    for (const Assessment& assessment : assessments) {
      const CheckResult* other = assessment.check(check.id);
      out << padded(other != nullptr ? to_string(other->verdict) : "-", kColumn);
    }
    out << "\n";
  }
  return out.str();
}

std::string compare_html(const std::vector<Assessment>& assessments) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Supplier comparison - Software Security Code of Practice</title>\n<style>"
      << "body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;color:#0b0c0c}"
      << ".header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:15px "
         "30px;font-weight:700;font-size:24px}"
      << "main{max-width:1200px;margin:0 auto;padding:30px}h1{font-size:48px;margin:0 0 30px}"
      << "table{border-collapse:collapse;width:100%;font-size:16px;margin-bottom:30px}"
      << "caption{text-align:left;font-weight:700;font-size:24px;margin-bottom:15px}"
      << "th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px "
         "solid #b1b4b6}"
      << ".tag{display:inline-block;padding:2px 8px;font-weight:700}"
      << ".pass{color:#005a30;background:#cce2d8}.fail{color:#942514;background:#f4cdc6}"
      << ".warn{color:#6e3619;background:#fcd6c3}.attested{color:#0c2d4a;background:#bbd4ea}"
      << ".na{color:#383f43;background:#e5e6e7}"
      << "@media print{.header{background:#fff;color:#000}body{font-size:11pt}tr{break-inside:"
         "avoid}}"
      << "</style>\n</head>\n<body>\n<header class=\"header\">Assay</header>\n<main id=\"main\">\n"
      << "<h1>Supplier comparison</h1>\n";
  const auto header_row = [&out, &assessments](std::string_view first) {
    out << "<thead><tr><th scope=\"col\">" << first << "</th>";
    for (const Assessment& assessment : assessments) {
      out << "<th scope=\"col\">" << escape(label(assessment)) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
  };
  const auto cell = [&out](Verdict verdict) {
    out << "<td><strong class=\"tag " << css_class(verdict) << "\">" << to_string(verdict)
        << "</strong></td>";
  };
  out << "<table>\n<caption>Overall result and principles</caption>\n";
  header_row("Principle");
  out << "<tr><th scope=\"row\">Overall</th>";
  for (const Assessment& assessment : assessments) {
    cell(assessment.overall);
  }
  out << "</tr>\n";
  if (!assessments.empty()) {
    for (const ItemResult& item : assessments.front().items) {
      out << "<tr><th scope=\"row\">" << escape(item.id + " " + item.title) << "</th>";
      for (const Assessment& assessment : assessments) {
        const ItemResult* other = assessment.item(item.id);
        cell(other != nullptr ? other->verdict : Verdict::kNotApplicable);
      }
      out << "</tr>\n";
    }
  }
  out << "</tbody>\n</table>\n<table>\n<caption>Checks</caption>\n";
  header_row("Check");
  if (!assessments.empty()) {
    for (const CheckResult& check : assessments.front().checks) {
      out << "<tr><th scope=\"row\">" << escape(check.id + " " + check.title) << "</th>";
      for (const Assessment& assessment : assessments) {
        const CheckResult* other = assessment.check(check.id);
        cell(other != nullptr ? other->verdict : Verdict::kNotApplicable);
      }
      out << "</tr>\n";
    }
  }
  out << "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace assay::assess
