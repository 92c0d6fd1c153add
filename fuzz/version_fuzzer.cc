// Fuzzes every version scheme and range syntax, with an oracle: comparison must be a total order
// (reflexive, antisymmetric, transitive on the three versions in each input), and parsing or
// evaluating a range must never crash. Input: one selector byte, then up to four newline-separated
// fields: three versions and a range.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "assay/version/ecosystem.h"
#include "assay/version/osv_range.h"
#include "assay/version/range.h"
#include "assay/version/vers.h"
#include "assay/version/version.h"

namespace {

int sign(int value) {
  return (value > 0) - (value < 0);
}

[[noreturn]] void oracle_failed(const char* what, const assay::version::Version& a,
                                const assay::version::Version& b) {
  std::fprintf(stderr, "order violated (%s) in scheme %s: \"%s\" vs \"%s\"\n", what,
               std::string(assay::version::to_string(a.scheme())).c_str(), a.text().c_str(),
               b.text().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using assay::version::Version;
  if (size < 1) {
    return 0;
  }
  const auto schemes = assay::version::all_schemes();
  const auto ecosystems = assay::version::all_ecosystems();
  const std::uint8_t selector = data[0];
  const assay::version::Scheme scheme = schemes[selector % schemes.size()];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (fields.size() < 4) {
    const std::size_t end = text.find('\n', start);
    fields.push_back(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }

  std::vector<Version> versions;
  for (std::size_t index = 0; index < fields.size() && index < 3; ++index) {
    auto parsed = Version::parse(scheme, fields[index]);
    if (parsed) {
      versions.push_back(std::move(parsed).value());
    }
  }
  for (const Version& a : versions) {
    if (a.compare(a) != 0) {
      oracle_failed("reflexive", a, a);
    }
    for (const Version& b : versions) {
      if (sign(a.compare(b)) != -sign(b.compare(a))) {
        oracle_failed("antisymmetric", a, b);
      }
      for (const Version& c : versions) {
        if (a.compare(b) <= 0 && b.compare(c) <= 0 && a.compare(c) > 0) {
          oracle_failed("transitive", a, c);
        }
        if (a.compare(b) == 0 && b.compare(c) == 0 && a.compare(c) != 0) {
          oracle_failed("transitive equality", a, c);
        }
      }
    }
  }

  // Ranges: the last field in the native syntax of an ecosystem using this scheme, and as vers.
  if (fields.size() == 4) {
    const assay::version::Ecosystem& ecosystem = ecosystems[selector % ecosystems.size()];
    auto range = assay::version::Range::parse(ecosystem, fields[3]);
    if (range) {
      for (std::size_t index = 0; index < 3 && index < fields.size(); ++index) {
        static_cast<void>(range->contains(fields[index]));
        static_cast<void>(
            range->contains(fields[index], {assay::version::PrereleasePolicy::kInclude}));
      }
      static_cast<void>(range->to_vers());
    }
    auto vers = assay::version::VersRange::parse(fields[3]);
    if (vers) {
      static_cast<void>(vers->to_string());
      for (std::size_t index = 0; index < 3; ++index) {
        static_cast<void>(vers->contains(fields[index]));
      }
    }
    // OSV: the three versions as introduced / fixed / last_affected events.
    assay::version::OsvRange osv;
    osv.type = (selector & 0x80U) != 0 ? assay::version::OsvRangeType::kSemver
                                       : assay::version::OsvRangeType::kEcosystem;
    osv.events.push_back({assay::version::OsvEventKind::kIntroduced, std::string(fields[0])});
    osv.events.push_back({(selector & 0x40U) != 0 ? assay::version::OsvEventKind::kLastAffected
                                                  : assay::version::OsvEventKind::kFixed,
                          std::string(fields[1])});
    static_cast<void>(assay::version::evaluate(osv, scheme, std::string(fields[2])));
  }
  return 0;
}
