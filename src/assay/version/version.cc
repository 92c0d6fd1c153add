// Dispatch from Scheme to the scheme implementations.
#include "assay/version/version.h"

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

Result<Version> Version::parse(Scheme scheme, std::string_view text) {
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "version is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(kMaxVersionBytes),
                quote(text, 40));
  }
  auto make = [&](auto parsed) -> Result<Version> {
    if (!parsed) {
      Error error = std::move(parsed).error();
      if (error.location.empty() || error.location == text) {
        error.location = quote(text);
      }
      return tl::unexpected(std::move(error));
    }
    return Version(scheme, std::string(text), Repr(std::move(parsed).value()));
  };
  switch (scheme) {
    case Scheme::kSemver:
    case Scheme::kNpm:
    case Scheme::kCargo:
    case Scheme::kHex:
    case Scheme::kPub:
      return make(SemverVersion::parse(scheme, text));
    case Scheme::kGo:
      return make(GoVersion::parse(text));
    case Scheme::kPep440:
      return make(Pep440Version::parse(text));
    case Scheme::kMaven:
      return make(MavenVersion::parse(text));
    case Scheme::kRubyGems:
      return make(RubyGemsVersion::parse(text));
    case Scheme::kComposer:
      return make(ComposerVersion::parse(text));
    case Scheme::kNuget:
      return make(NugetVersion::parse(text));
    case Scheme::kDebian:
      return make(DebianVersion::parse(text));
    case Scheme::kRpm:
      return make(RpmVersion::parse(text));
    case Scheme::kAlpine:
      return make(AlpineVersion::parse(text));
    case Scheme::kCran:
      return make(CranVersion::parse(text));
    case Scheme::kHackage:
      return make(HackageVersion::parse(text));
    case Scheme::kConan:
      return make(ConanVersion::parse(text));
    case Scheme::kGeneric:
      return make(GenericVersion::parse(text));
    case Scheme::kAlpm:
      return make(AlpmVersion::parse(text));
    case Scheme::kGentoo:
      return make(GentooVersion::parse(text));
    case Scheme::kOpenssl:
      return make(OpensslVersion::parse(text));
    case Scheme::kNginx:
    case Scheme::kIntdot:
      return make(IntdotVersion::parse(text));
    case Scheme::kDatetime:
      return make(DatetimeVersion::parse(text));
    case Scheme::kLexicographic:
      return make(LexicographicVersion::parse(text));
  }
  return fail(ErrorCode::kInternal, "unknown version scheme");
}

int Version::compare(const Version& other) const noexcept {
  if (repr_.index() != other.repr_.index()) {
    // Requires: same scheme. Still answer with a total order rather than crash.
    return repr_.index() < other.repr_.index() ? -1 : 1;
  }
  return std::visit(
      [&other](const auto& mine) -> int {
        using T = std::decay_t<decltype(mine)>;
        return mine.compare(*std::get_if<T>(&other.repr_));
      },
      repr_);
}

Result<int> compare(Scheme scheme, std::string_view a, std::string_view b) {
  // SemVer flavours compare in place when both texts are valid; otherwise the full path below
  // gives the same answer or the error.
  if (const std::optional<int> fast = SemverVersion::compare_text(scheme, a, b)) {
    return *fast;
  }
  ASSAY_TRY(const Version left, Version::parse(scheme, a));
  ASSAY_TRY(const Version right, Version::parse(scheme, b));
  return left.compare(right);
}

Version Version::composer_bound(std::string_view normalized) {
  return Version(Scheme::kComposer, std::string(normalized),
                 ComposerVersion::from_normalized(normalized));
}

}  // namespace assay::version
