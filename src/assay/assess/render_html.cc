// The HTML report: one self-contained page (no scripts, no external files) that a procurement
// officer can read and print. Summary per principle first, then what needs attention with the
// questions to ask, then every claim and check with its evidence. Styled after the GOV.UK Design
// System's look (own CSS; black header, 19px body text, tags with dark text on light colours so
// every pair has a contrast ratio above 7:1), with real headings, captions and table headers.
#include <sstream>

#include "assay/assess/assessment.h"
#include "assay/core/strings.h"

namespace assay::assess {

namespace {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
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
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string tag(Verdict verdict) {
  std::string css;
  switch (verdict) {
    case Verdict::kPass:
      css = "pass";
      break;
    case Verdict::kFail:
      css = "fail";
      break;
    case Verdict::kWarn:
      css = "warn";
      break;
    case Verdict::kAttested:
      css = "attested";
      break;
    case Verdict::kNotApplicable:
      css = "na";
      break;
  }
  return "<strong class=\"tag tag--" + css + "\">" + std::string(to_string(verdict)) + "</strong>";
}

constexpr std::string_view kStyle = R"css(
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
a{color:#1d70b8}a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}
.skip{position:absolute;left:-9999px}.skip:focus{left:0;top:0;padding:10px;z-index:1}
.header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:15px 30px}
.header__title{font-weight:700;font-size:24px;margin:0}
.header__sub{margin:4px 0 0;font-size:16px}
.width{max-width:1020px;margin:0 auto;padding:0 30px}
main{padding:30px 0}
h1{font-size:48px;line-height:1.04;margin:0 0 30px}h2{font-size:36px;margin:45px 0 20px}h3{font-size:24px;margin:30px 0 15px}
.caption{display:block;color:#505a5f;font-size:24px;margin-bottom:5px}
.summary-list{display:grid;grid-template-columns:max-content 1fr;gap:10px 30px;margin:0 0 30px;border-top:1px solid #b1b4b6;padding-top:10px}
.summary-list dt{font-weight:700}.summary-list dd{margin:0}
.panel{border:5px solid #0b0c0c;padding:20px;margin:0 0 30px}
.panel p{margin:0 0 10px}
table{border-collapse:collapse;width:100%;margin:0 0 30px;font-size:16px}
caption{text-align:left;font-weight:700;font-size:24px;margin-bottom:15px}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
th{font-weight:700}
tr.theme th,tr.theme td{background:#f3f2f1;font-weight:700}
.tag{display:inline-block;padding:2px 8px;font-weight:700;font-size:16px;letter-spacing:.5px;white-space:nowrap}
.tag--pass{color:#005a30;background:#cce2d8}.tag--fail{color:#942514;background:#f4cdc6}
.tag--warn{color:#6e3619;background:#fcd6c3}.tag--attested{color:#0c2d4a;background:#bbd4ea}
.tag--na{color:#383f43;background:#e5e6e7}
.inset{border-left:10px solid #b1b4b6;padding:10px 15px;margin:15px 0}
.inconsistent{color:#942514;font-weight:700}
.hint{color:#505a5f}
code{font-family:"Courier New",monospace;font-size:15px;word-break:break-all}
footer{border-top:1px solid #b1b4b6;padding:20px 0 40px;font-size:16px;color:#505a5f}
@media print{body{font-size:12pt}.header{background:#fff;color:#000;border-bottom:2pt solid #000;padding:0 0 6pt}
.skip{display:none}h1{font-size:24pt}h2{font-size:18pt;break-after:avoid}h3{font-size:14pt;break-after:avoid}
tr,.check{break-inside:avoid}.tag{border:1pt solid #000}a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")"}}
)css";

}  // namespace

std::string to_html(const Assessment& assessment) {
  std::ostringstream out;
  const PackManifest& manifest = assessment.manifest;
  const std::string product = escape(manifest.product.name);
  const std::string vendor = escape(manifest.vendor.legal_name);
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << product << " from " << vendor << ": " << to_string(assessment.overall)
      << " - Software Security Code of Practice assessment</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to main content</a>\n"
      << "<header class=\"header\"><p class=\"header__title\">Assay</p>"
      << "<p class=\"header__sub\">Software Security Code of Practice: supplier assessment</p>"
      << "</header>\n<div class=\"width\">\n<main id=\"main\">\n";
  out << "<h1><span class=\"caption\">" << vendor << "</span>" << product << "</h1>\n";
  out << "<div class=\"panel\"><p>Overall result: " << tag(assessment.overall) << "</p>";
  if (assessment.inconsistent > 0) {
    out << "<p class=\"inconsistent\">" << assessment.inconsistent
        << " claim(s) the supplier says are met are contradicted by the evidence "
           "(INCONSISTENT).</p>";
  }
  out << "<p>PASS means Assay checked the evidence itself; ATTESTED means only the supplier's "
         "signed-off statement supports it; FAIL means a gap or no evidence; WARN means something "
         "to review; N/A means it does not apply (the reason is given).</p></div>\n";
  out << "<dl class=\"summary-list\">";
  const auto row = [&out](std::string_view term, const std::string& value) {
    if (!value.empty()) {
      out << "<dt>" << term << "</dt><dd>" << escape(value) << "</dd>";
    }
  };
  row("Supplier", manifest.vendor.legal_name);
  row("Companies House number", manifest.vendor.companies_house_number);
  row("Web domain", manifest.vendor.domain);
  row("Product", manifest.product.name);
  row("Delivery", std::string(to_string(manifest.product.delivery_model)));
  row("Supplier's role", std::string(to_string(manifest.product.role)));
  std::vector<std::string> versions;
  for (const Release& release : manifest.releases) {
    versions.push_back(release.version +
                       (release.support.end_of_support.empty()
                            ? ""
                            : " (supported until " + release.support.end_of_support + ")"));
  }
  row("Versions assessed", join(versions, "; "));
  row("Standard", assessment.catalogue_title);
  row("Assessed", assessment.assessed_at);
  row("Vendor's live site",
      assessment.online ? "fetched (--online): security.txt and published links checked live"
                        : "not fetched: checks used only the evidence pack's copies");
  out << "</dl>\n";

  out << "<h2 id=\"summary\">Summary by principle</h2>\n<table>\n<caption>Result for each "
      << (assessment.catalogue_id == kDraftCatalogue ? "draft principle and provision"
                                                     : "theme and principle")
      << "</caption>\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Principle</th>"
         "<th scope=\"col\">Result</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n";
  for (const ItemResult& item : assessment.items) {
    out << "<tr" << (item.parent.empty() ? " class=\"theme\"" : "") << "><th scope=\"row\">"
        << escape(item.id) << "</th><td>" << escape(item.title)
        << (item.level == Level::kShould ? " <span class=\"hint\">(good practice)</span>" : "")
        << "</td><td>" << tag(item.verdict) << "</td><td>" << escape(item.reason) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  out << "<h2 id=\"attention\">What needs attention</h2>\n";
  bool any = false;
  for (const CheckResult& check : assessment.checks) {
    if (check.verdict != Verdict::kFail && check.verdict != Verdict::kWarn) {
      continue;
    }
    any = true;
    out << "<div class=\"check\"><h3>" << escape(check.title) << " " << tag(check.verdict)
        << "</h3>\n<p>" << escape(check.summary) << ".</p>\n";
    if (!check.details.empty()) {
      out << "<ul>";
      for (const std::string& detail : check.details) {
        out << "<li>" << escape(detail) << "</li>";
      }
      out << "</ul>\n";
    }
    out << "<div class=\"inset\"><p><strong>Question to ask the supplier:</strong> "
        << escape(check.question) << "</p><p><strong>What the supplier should do:</strong> "
        << escape(check.remediation) << "</p></div>\n<p class=\"hint\">Check " << escape(check.id)
        << "</p></div>\n";
  }
  if (!any) {
    out << "<p>Nothing: no check failed or raised a warning.</p>\n";
  }

  out << "<h2 id=\"claims\">Claims</h2>\n<table>\n<caption>The NCSC's assurance claims and the "
         "result for each</caption>\n<thead><tr><th scope=\"col\">Claim</th><th "
         "scope=\"col\">Result</th><th scope=\"col\">Supplier says</th><th "
         "scope=\"col\">Why</th></tr></thead>\n<tbody>\n";
  for (const ClaimResult& claim : assessment.claims) {
    out << "<tr><th scope=\"row\">" << escape(claim.id) << " " << escape(claim.text) << "</th><td>"
        << tag(claim.verdict)
        << (claim.inconsistent ? "<br><span class=\"inconsistent\">INCONSISTENT</span>" : "")
        << "</td><td>"
        << (claim.vendor_status ? escape(to_string(*claim.vendor_status)) : "not answered")
        << "</td><td>" << escape(claim.reason) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  out << "<h2 id=\"checks\">Checks and evidence</h2>\n";
  for (const CheckResult& check : assessment.checks) {
    out << "<div class=\"check\"><h3>" << escape(check.id) << ": " << escape(check.title) << " "
        << tag(check.verdict) << "</h3>\n<p>" << escape(check.explanation) << "</p>\n<p>"
        << "<strong>Result:</strong> " << escape(check.summary) << ".</p>\n";
    if (!check.evidence.empty()) {
      out << "<table>\n<caption>Evidence for " << escape(check.id)
          << "</caption>\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Where</th>"
             "<th scope=\"col\">Strength</th><th scope=\"col\">Digest</th></tr></thead>\n"
             "<tbody>\n";
      for (const EvidenceItem& item : check.evidence) {
        out << "<tr><td>" << escape(item.what) << "</td><td><code>" << escape(item.where)
            << "</code></td><td>" << to_string(item.strength) << "</td><td><code>"
            << escape(item.digest) << "</code>";
        if (item.live) {
          out << "<br>fetched " << escape(item.live->fetched_at) << ", HTTP "
              << item.live->http_status;
          if (!item.live->error.empty()) {
            out << ": " << escape(item.live->error);
          }
        }
        out << "</td></tr>\n";
      }
      out << "</tbody>\n</table>\n";
    }
    out << "</div>\n";
  }
  out << "<p class=\"hint\">Evidence strength: E0 the supplier's statement; E1 a document the "
         "supplier published; E2 signed by the supplier or bound to the release; E3 verified by "
         "Assay.</p>\n";
  out << "</main>\n</div>\n<footer><div class=\"width\"><p>Made by Assay from the supplier's "
         "evidence pack <code>"
      << escape(assessment.pack) << "</code>. The principle and claim wording is paraphrased "
      << "by the Assay project; see the Software Security Code of Practice and the NCSC's "
         "guidance for the official text.</p></div></footer>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace assay::assess
