// OSV range evaluation: the IncludedInRanges/BeforeLimits pseudocode of the OSV schema
// ("Evaluation"), with events sorted by the ecosystem's version order.
#include "assay/version/osv_range.h"

#include <algorithm>
#include <optional>

#include "assay/core/strings.h"

namespace assay::version {

namespace {

struct Bound {
  OsvEventKind kind = OsvEventKind::kIntroduced;
  bool from_beginning = false;  // introduced "0"
  bool infinity = false;        // limit "*"
  std::optional<Version> version;
};

std::string_view kind_name(OsvEventKind kind) {
  switch (kind) {
    case OsvEventKind::kIntroduced:
      return "introduced";
    case OsvEventKind::kFixed:
      return "fixed";
    case OsvEventKind::kLastAffected:
      return "last_affected";
    case OsvEventKind::kLimit:
      return "limit";
  }
  return "event";
}

// Order of application for events at the same version.
int kind_rank(OsvEventKind kind) {
  switch (kind) {
    case OsvEventKind::kIntroduced:
      return 0;
    case OsvEventKind::kLastAffected:
      return 1;
    case OsvEventKind::kFixed:
      return 2;
    case OsvEventKind::kLimit:
      return 3;
  }
  return 3;
}

bool is_semver_family(Scheme scheme) {
  return scheme == Scheme::kSemver || scheme == Scheme::kNpm || scheme == Scheme::kCargo ||
         scheme == Scheme::kHex || scheme == Scheme::kPub || scheme == Scheme::kGo;
}

// Go module versions carry a 'v' that SemVer 2.0.0 does not allow.
std::string_view without_v(std::string_view text) {
  if (text.size() > 1 && (text[0] == 'v' || text[0] == 'V') && is_ascii_digit(text[1])) {
    text.remove_prefix(1);
  }
  return text;
}

OsvEvaluation unknown(std::string reason) {
  return OsvEvaluation{OsvVerdict::kUnknown, std::move(reason)};
}

OsvEvaluation evaluate_with(const OsvRange& range, const Version& version, Scheme bound_scheme,
                            bool strip_v) {
  if (range.type == OsvRangeType::kGit) {
    return unknown("GIT ranges name commits; deciding them needs the repository's history");
  }
  if (range.events.empty()) {
    return unknown("the range has no events");
  }
  std::vector<Bound> bounds;
  bounds.reserve(range.events.size());
  bool has_introduced = false;
  for (const OsvEvent& event : range.events) {
    Bound bound;
    bound.kind = event.kind;
    if (event.kind == OsvEventKind::kIntroduced && event.version == "0") {
      bound.from_beginning = true;
    } else if (event.kind == OsvEventKind::kLimit && event.version.find('*') != std::string::npos) {
      bound.infinity = true;
    } else {
      const std::string_view text = strip_v ? without_v(event.version) : event.version;
      Result<Version> parsed = Version::parse(bound_scheme, text);
      if (!parsed) {
        return unknown("cannot read the " + std::string(kind_name(event.kind)) + " bound " +
                       quote(event.version, 80) + " as a " + std::string(to_string(bound_scheme)) +
                       " version: " + parsed.error().message);
      }
      bound.version = std::move(parsed).value();
    }
    has_introduced = has_introduced || event.kind == OsvEventKind::kIntroduced;
    bounds.push_back(std::move(bound));
  }
  if (!has_introduced) {
    return unknown("the range has no introduced event");
  }

  // BeforeLimits: no limit events means an implicit "*".
  bool has_limit = false;
  bool before_limit = false;
  for (const Bound& bound : bounds) {
    if (bound.kind != OsvEventKind::kLimit) {
      continue;
    }
    has_limit = true;
    if (bound.infinity || version.compare(*bound.version) < 0) {
      before_limit = true;
    }
  }
  if (has_limit && !before_limit) {
    return OsvEvaluation{OsvVerdict::kNotAffected, {}};
  }

  std::vector<const Bound*> events;
  for (const Bound& bound : bounds) {
    if (bound.kind != OsvEventKind::kLimit) {
      events.push_back(&bound);
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const Bound* a, const Bound* b) {
    if (a->from_beginning != b->from_beginning) {
      return a->from_beginning;
    }
    if (!a->from_beginning) {
      const int order = a->version->compare(*b->version);
      if (order != 0) {
        return order < 0;
      }
    }
    return kind_rank(a->kind) < kind_rank(b->kind);
  });
  bool vulnerable = false;
  for (const Bound* event : events) {
    switch (event->kind) {
      case OsvEventKind::kIntroduced:
        if (event->from_beginning || version.compare(*event->version) >= 0) {
          vulnerable = true;
        }
        break;
      case OsvEventKind::kFixed:
        if (version.compare(*event->version) >= 0) {
          vulnerable = false;
        }
        break;
      case OsvEventKind::kLastAffected:
        if (version.compare(*event->version) > 0) {
          vulnerable = false;
        }
        break;
      case OsvEventKind::kLimit:
        break;
    }
  }
  return OsvEvaluation{vulnerable ? OsvVerdict::kAffected : OsvVerdict::kNotAffected, {}};
}

}  // namespace

OsvEvaluation evaluate(const OsvRange& range, Scheme scheme, const std::string& version) {
  if (range.type == OsvRangeType::kGit) {
    return unknown("GIT ranges name commits; deciding them needs the repository's history");
  }
  const bool semver = range.type == OsvRangeType::kSemver;
  const Scheme effective = semver ? Scheme::kSemver : scheme;
  const std::string_view text = semver ? without_v(version) : std::string_view(version);
  Result<Version> parsed = Version::parse(effective, text);
  if (!parsed) {
    return unknown("cannot read the version " + quote(version, 80) + " as a " +
                   std::string(to_string(effective)) + " version: " + parsed.error().message);
  }
  return evaluate_with(range, *parsed, effective, semver);
}

OsvEvaluation evaluate(const OsvRange& range, const Version& version) {
  if (range.type == OsvRangeType::kSemver && !is_semver_family(version.scheme())) {
    return unknown("a SEMVER range cannot order a " + std::string(to_string(version.scheme())) +
                   " version");
  }
  const bool strip_v = range.type == OsvRangeType::kSemver && version.scheme() == Scheme::kSemver;
  return evaluate_with(range, version, version.scheme(), strip_v);
}

OsvEvaluation evaluate(std::span<const OsvRange> ranges, Scheme scheme,
                       const std::string& version) {
  std::string reasons;
  for (const OsvRange& range : ranges) {
    OsvEvaluation result = evaluate(range, scheme, version);
    if (result.verdict == OsvVerdict::kAffected) {
      return result;
    }
    if (result.verdict == OsvVerdict::kUnknown) {
      reasons += reasons.empty() ? result.reason : "; " + result.reason;
    }
  }
  if (!reasons.empty()) {
    return unknown(std::move(reasons));
  }
  return OsvEvaluation{OsvVerdict::kNotAffected, {}};
}

}  // namespace assay::version
