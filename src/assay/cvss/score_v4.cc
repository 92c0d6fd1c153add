// CVSS v4.0 scoring by FIRST's MacroVector method (specification section 8.2, reference
// calculator cvss_score.js): EQ1..EQ6 levels, the MacroVector's score, and interpolation towards
// the next lower MacroVectors by the vector's severity distance from the highest-severity vectors.
// Evaluated in the same binary floating-point operations, in the same order, as the reference
// calculator (RedHatProductSecurity/cvss-v4-calculator cvss40.js, which FIRST publishes), so that
// its final rounding gives the same result.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/cvss/internal/metrics.h"
#include "assay/cvss/internal/scoring.h"
#include "assay/cvss/internal/v4_tables.h"

namespace assay::cvss::internal {
namespace {

// Which metric groups take part in a score.
enum class Scope { kBase, kBaseThreat, kAll };

// The metric values the equations read, each one letter ("S" for Safety in SI/SA).
struct Effective {
  char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

char letter(const Vector& vector, std::size_t metric) {
  const std::uint8_t code = VectorAccess::code(vector, metric);
  if (code == 0) {
    return 'X';
  }
  return version_def(Version::kV40).metrics[metric].values[code - 1U].front();
}

// FIRST's m(): a modified metric other than X overrides its base metric; E defaults to A and
// CR/IR/AR to H (the worst case) when not defined.
Effective effective(const Vector& vector, Scope scope) {
  const bool env = scope == Scope::kAll;
  const auto pick = [&](std::size_t base, std::size_t modified) {
    const char value = env ? letter(vector, modified) : 'X';
    return value == 'X' ? letter(vector, base) : value;
  };
  const auto defaulted = [&](std::size_t metric, bool included, char fallback) {
    const char value = included ? letter(vector, metric) : 'X';
    return value == 'X' ? fallback : value;
  };
  return Effective{
      pick(v4::kAv, v4::kMav),      pick(v4::kAc, v4::kMac),
      pick(v4::kAt, v4::kMat),      pick(v4::kPr, v4::kMpr),
      pick(v4::kUi, v4::kMui),      pick(v4::kVc, v4::kMvc),
      pick(v4::kVi, v4::kMvi),      pick(v4::kVa, v4::kMva),
      pick(v4::kSc, v4::kMsc),      pick(v4::kSi, v4::kMsi),
      pick(v4::kSa, v4::kMsa),      defaulted(v4::kE, scope != Scope::kBase, 'A'),
      defaulted(v4::kCr, env, 'H'), defaulted(v4::kIr, env, 'H'),
      defaulted(v4::kAr, env, 'H'),
  };
}

struct MacroVector {
  int eq1, eq2, eq3, eq4, eq5, eq6;
};

// Specification tables 24-29.
MacroVector macro_vector(const Effective& m) {
  MacroVector mv{};
  if (m.av == 'N' && m.pr == 'N' && m.ui == 'N') {
    mv.eq1 = 0;
  } else if ((m.av == 'N' || m.pr == 'N' || m.ui == 'N') && m.av != 'P') {
    mv.eq1 = 1;
  } else {
    mv.eq1 = 2;
  }
  mv.eq2 = (m.ac == 'L' && m.at == 'N') ? 0 : 1;
  if (m.vc == 'H' && m.vi == 'H') {
    mv.eq3 = 0;
  } else if (m.vc == 'H' || m.vi == 'H' || m.va == 'H') {
    mv.eq3 = 1;
  } else {
    mv.eq3 = 2;
  }
  if (m.si == 'S' || m.sa == 'S') {
    mv.eq4 = 0;
  } else if (m.sc == 'H' || m.si == 'H' || m.sa == 'H') {
    mv.eq4 = 1;
  } else {
    mv.eq4 = 2;
  }
  mv.eq5 = m.e == 'A' ? 0 : (m.e == 'P' ? 1 : 2);
  mv.eq6 =
      ((m.cr == 'H' && m.vc == 'H') || (m.ir == 'H' && m.vi == 'H') || (m.ar == 'H' && m.va == 'H'))
          ? 0
          : 1;
  return mv;
}

// Severity levels of cvss_score.js, as the same binary doubles.
double level_av(char v) {
  return v == 'N' ? 0.0 : v == 'A' ? 0.1 : v == 'L' ? 0.2 : 0.3;
}
double level_pr(char v) {
  return v == 'N' ? 0.0 : v == 'L' ? 0.1 : 0.2;
}
double level_ui(char v) {
  return v == 'N' ? 0.0 : v == 'P' ? 0.1 : 0.2;
}
double level_ac(char v) {
  return v == 'L' ? 0.0 : 0.1;
}
double level_at(char v) {
  return v == 'N' ? 0.0 : 0.1;
}
double level_vuln(char v) {  // VC, VI, VA
  return v == 'H' ? 0.0 : v == 'L' ? 0.1 : 0.2;
}
double level_sub(char v) {  // SC, SI, SA (S only in SI and SA)
  return v == 'S' ? 0.0 : v == 'H' ? 0.1 : v == 'L' ? 0.2 : 0.3;
}
double level_req(char v) {  // CR, IR, AR
  return v == 'H' ? 0.0 : v == 'M' ? 0.1 : 0.2;
}

// One highest-severity vector of an EQ level, parsed; metrics it does not name stay 'X'.
struct MaxVector {
  char av = 'X', pr = 'X', ui = 'X', ac = 'X', at = 'X', vc = 'X', vi = 'X', va = 'X', sc = 'X',
       si = 'X', sa = 'X', cr = 'X', ir = 'X', ar = 'X';
};

MaxVector parse_max_vector(std::string_view text) {
  MaxVector max;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view field = text.substr(start, end - start);
    const std::size_t colon = field.find(':');
    if (colon != std::string_view::npos && colon + 1 < field.size()) {
      const std::string_view name = field.substr(0, colon);
      const char value = field[colon + 1];
      static constexpr std::array<std::pair<std::string_view, char MaxVector::*>, 14> kSlots = {{
          {"AV", &MaxVector::av},
          {"PR", &MaxVector::pr},
          {"UI", &MaxVector::ui},
          {"AC", &MaxVector::ac},
          {"AT", &MaxVector::at},
          {"VC", &MaxVector::vc},
          {"VI", &MaxVector::vi},
          {"VA", &MaxVector::va},
          {"SC", &MaxVector::sc},
          {"SI", &MaxVector::si},
          {"SA", &MaxVector::sa},
          {"CR", &MaxVector::cr},
          {"IR", &MaxVector::ir},
          {"AR", &MaxVector::ar},
      }};
      char* slot = nullptr;
      for (const auto& [slot_name, member] : kSlots) {
        if (slot_name == name) {
          slot = &(max.*member);
        }
      }
      if (slot != nullptr) {
        *slot = value;
      }
    }
    start = end + 1;
  }
  return max;
}

std::vector<MaxVector> parse_all(std::span<const std::string_view> texts) {
  std::vector<MaxVector> result;
  result.reserve(texts.size());
  for (const std::string_view text : texts) {
    result.push_back(parse_max_vector(text));
  }
  return result;
}

// Parsed max-composed vectors, per EQ and level.
struct MaxVectors {
  std::array<std::vector<MaxVector>, 3> eq1, eq4;
  std::array<std::vector<MaxVector>, 2> eq2;
  std::array<std::array<std::vector<MaxVector>, 2>, 3> eq3_eq6;
  MaxVectors() {
    for (int level = 0; level < 3; ++level) {
      const auto index = static_cast<std::size_t>(level);
      eq1[index] = parse_all(v4::max_composed(1, level));
      eq4[index] = parse_all(v4::max_composed(4, level));
      if (level < 2) {
        eq2[index] = parse_all(v4::max_composed(2, level));
      }
      for (int eq6 = 0; eq6 < 2; ++eq6) {
        eq3_eq6[index][static_cast<std::size_t>(eq6)] =
            parse_all(v4::max_composed_eq3_eq6(level, eq6));
      }
    }
  }
};

const MaxVectors& max_vectors() {
  static const MaxVectors vectors;
  return vectors;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A MacroVector's score as a double (NaN when FIRST defines none), like lookup[...] in JS.
double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
  const int tenths = v4::macro_vector_tenths(eq1, eq2, eq3, eq4, eq5, eq6);
  return tenths < 0 ? kNaN : static_cast<double>(tenths) / 10.0;
}

// JavaScript's Math.round (ties towards +infinity).
double js_round(double value) {
  const double floor_value = std::floor(value);
  return value - floor_value >= 0.5 ? floor_value + 1.0 : floor_value;
}

double score_effective(const Effective& m) {
  if (m.vc == 'N' && m.vi == 'N' && m.va == 'N' && m.sc == 'N' && m.si == 'N' && m.sa == 'N') {
    return 0.0;
  }
  const MacroVector mv = macro_vector(m);
  const int eq1 = mv.eq1, eq2 = mv.eq2, eq3 = mv.eq3, eq4 = mv.eq4, eq5 = mv.eq5, eq6 = mv.eq6;
  double value = lookup(eq1, eq2, eq3, eq4, eq5, eq6);

  // 1.a The score of the next lower MacroVector of each EQ (NaN when there is none).
  const double score_eq1_next = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
  const double score_eq2_next = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
  double score_eq3eq6_next = kNaN;
  if ((eq3 == 1 || eq3 == 0) && eq6 == 1) {
    // 11 -> 21 and 01 -> 11
    score_eq3eq6_next = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
  } else if (eq3 == 1 && eq6 == 0) {
    score_eq3eq6_next = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
  } else if (eq3 == 0 && eq6 == 0) {
    // Two ways down; the higher score wins (JS ">" with NaN is false, so right wins then).
    const double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    const double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    score_eq3eq6_next = left > right ? left : right;
  } else {
    score_eq3eq6_next = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1);
  }
  const double score_eq4_next = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
  const double score_eq5_next = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

  // 1.b Severity distances from the first composed highest-severity vector that is at least as
  // severe as this one in every metric.
  const MaxVectors& maxes = max_vectors();
  const auto& eq1_maxes = maxes.eq1[static_cast<std::size_t>(eq1)];
  const auto& eq2_maxes = maxes.eq2[static_cast<std::size_t>(eq2)];
  const auto& eq3_eq6_maxes =
      maxes.eq3_eq6[static_cast<std::size_t>(eq3)][static_cast<std::size_t>(eq6)];
  const auto& eq4_maxes = maxes.eq4[static_cast<std::size_t>(eq4)];
  double d_av = 0, d_pr = 0, d_ui = 0, d_ac = 0, d_at = 0, d_vc = 0, d_vi = 0, d_va = 0, d_sc = 0,
         d_si = 0, d_sa = 0, d_cr = 0, d_ir = 0, d_ar = 0;
  bool found = false;
  for (const MaxVector& max1 : eq1_maxes) {
    for (const MaxVector& max2 : eq2_maxes) {
      for (const MaxVector& max3 : eq3_eq6_maxes) {
        for (const MaxVector& max4 : eq4_maxes) {
          d_av = level_av(m.av) - level_av(max1.av);
          d_pr = level_pr(m.pr) - level_pr(max1.pr);
          d_ui = level_ui(m.ui) - level_ui(max1.ui);
          d_ac = level_ac(m.ac) - level_ac(max2.ac);
          d_at = level_at(m.at) - level_at(max2.at);
          d_vc = level_vuln(m.vc) - level_vuln(max3.vc);
          d_vi = level_vuln(m.vi) - level_vuln(max3.vi);
          d_va = level_vuln(m.va) - level_vuln(max3.va);
          d_sc = level_sub(m.sc) - level_sub(max4.sc);
          d_si = level_sub(m.si) - level_sub(max4.si);
          d_sa = level_sub(m.sa) - level_sub(max4.sa);
          d_cr = level_req(m.cr) - level_req(max3.cr);
          d_ir = level_req(m.ir) - level_req(max3.ir);
          d_ar = level_req(m.ar) - level_req(max3.ar);
          found = d_av >= 0 && d_pr >= 0 && d_ui >= 0 && d_ac >= 0 && d_at >= 0 && d_vc >= 0 &&
                  d_vi >= 0 && d_va >= 0 && d_sc >= 0 && d_si >= 0 && d_sa >= 0 && d_cr >= 0 &&
                  d_ir >= 0 && d_ar >= 0;
          if (found) {
            break;
          }
        }
        if (found) {
          break;
        }
      }
      if (found) {
        break;
      }
    }
    if (found) {
      break;
    }
  }

  const double current_eq1 = d_av + d_pr + d_ui;
  const double current_eq2 = d_ac + d_at;
  const double current_eq3eq6 = d_vc + d_vi + d_va + d_cr + d_ir + d_ar;
  const double current_eq4 = d_sc + d_si + d_sa;

  constexpr double kStep = 0.1;
  const double available_eq1 = value - score_eq1_next;
  const double available_eq2 = value - score_eq2_next;
  const double available_eq3eq6 = value - score_eq3eq6_next;
  const double available_eq4 = value - score_eq4_next;
  const double available_eq5 = value - score_eq5_next;

  const double max_severity_eq1 = v4::max_severity(1, eq1) * kStep;
  const double max_severity_eq2 = v4::max_severity(2, eq2) * kStep;
  const double max_severity_eq3eq6 = v4::max_severity_eq3_eq6(eq3, eq6) * kStep;
  const double max_severity_eq4 = v4::max_severity(4, eq4) * kStep;

  // 1.c/d The proportion of each distance, times the available score difference.
  int n_existing_lower = 0;
  double normalized_eq1 = 0, normalized_eq2 = 0, normalized_eq3eq6 = 0, normalized_eq4 = 0,
         normalized_eq5 = 0;
  if (!std::isnan(available_eq1)) {
    ++n_existing_lower;
    normalized_eq1 = available_eq1 * (current_eq1 / max_severity_eq1);
  }
  if (!std::isnan(available_eq2)) {
    ++n_existing_lower;
    normalized_eq2 = available_eq2 * (current_eq2 / max_severity_eq2);
  }
  if (!std::isnan(available_eq3eq6)) {
    ++n_existing_lower;
    normalized_eq3eq6 = available_eq3eq6 * (current_eq3eq6 / max_severity_eq3eq6);
  }
  if (!std::isnan(available_eq4)) {
    ++n_existing_lower;
    normalized_eq4 = available_eq4 * (current_eq4 / max_severity_eq4);
  }
  if (!std::isnan(available_eq5)) {
    // EQ5 has a single metric, so the vector is always its level's highest: proportion 0.
    ++n_existing_lower;
    normalized_eq5 = available_eq5 * 0;
  }

  // 2. The mean of the proportional distances; 3. subtracted from the MacroVector's score.
  double mean_distance = 0;
  if (n_existing_lower != 0) {
    mean_distance =
        (normalized_eq1 + normalized_eq2 + normalized_eq3eq6 + normalized_eq4 + normalized_eq5) /
        n_existing_lower;
  }
  value -= mean_distance;
  if (value < 0) {
    value = 0.0;
  }
  if (value > 10) {
    value = 10.0;
  }
  // The reference calculator adds 1e-6 before rounding half up so that float noise cannot turn
  // an exact x.x5 (e.g. 8.6 - 7.15 = 1.4499999999999993) into x.x4. FIRST's copy of the calculator
  // took this fix later than its upstream (RedHatProductSecurity/cvss-v4-calculator, Nov 2024);
  // Red Hat's test vectors and the npm oracles expect it.
  constexpr double kEpsilon = 1e-6;
  return js_round((value + kEpsilon) * 10) / 10;
}

bool group_defined(const Vector& vector, std::size_t first, std::size_t last) {
  for (std::size_t metric = first; metric <= last; ++metric) {
    const std::uint8_t code = VectorAccess::code(vector, metric);
    if (code > 1) {  // present and not X (X is value 0, code 1)
      return true;
    }
  }
  return false;
}

}  // namespace

Scores score_v4(const Vector& vector) {
  Scores scores;
  scores.base = score_effective(effective(vector, Scope::kBase));
  if (group_defined(vector, v4::kE, v4::kE)) {
    scores.temporal = score_effective(effective(vector, Scope::kBaseThreat));
  }
  if (group_defined(vector, v4::kCr, v4::kMsa)) {
    scores.environmental = score_effective(effective(vector, Scope::kAll));
  }
  return scores;
}

std::string macro_vector_v4(const Vector& vector) {
  const MacroVector mv = macro_vector(effective(vector, Scope::kAll));
  std::string digits;
  for (const int eq : {mv.eq1, mv.eq2, mv.eq3, mv.eq4, mv.eq5, mv.eq6}) {
    digits.push_back(static_cast<char>('0' + eq));
  }
  return digits;
}

}  // namespace assay::cvss::internal
