// Maven versions as ComparableVersion (maven-artifact 3.8.x) parses and orders them.
#include "assay/version/schemes/maven.h"

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

constexpr std::uint8_t kReleaseRank = 5;
constexpr std::uint8_t kOtherRank = 7;

struct RawItem {
  bool list = false;
  bool number = false;
  std::string name;  // digits without leading zeros, or the qualifier after aliasing
  std::uint8_t rank = 0;
  std::uint32_t child = 0;
};

RawItem make_number(std::string_view digits) {
  std::size_t zeros = 0;
  while (zeros + 1 < digits.size() && digits[zeros] == '0') {
    ++zeros;
  }
  RawItem item;
  item.number = true;
  item.name = std::string(digits.substr(zeros));
  return item;
}

// StringItem: single letters before a digit are aliases, then "ga"/"final"/"release" mean the
// release and "cr" means "rc".
RawItem make_qualifier(std::string_view value, bool followed_by_digit) {
  if (followed_by_digit && value.size() == 1) {
    if (value == "a") {
      value = "alpha";
    } else if (value == "b") {
      value = "beta";
    } else if (value == "m") {
      value = "milestone";
    }
  }
  if (value == "ga" || value == "final" || value == "release") {
    value = "";
  } else if (value == "cr") {
    value = "rc";
  }
  static constexpr std::string_view kQualifiers[] = {"alpha",    "beta", "milestone", "rc",
                                                     "snapshot", "",     "sp"};
  RawItem item;
  item.name = std::string(value);
  item.rank = kOtherRank;
  for (std::uint8_t rank = 0; rank < 7; ++rank) {
    if (value == kQualifiers[rank]) {
      item.rank = rank;
    }
  }
  return item;
}

RawItem make_item(bool is_digit, std::string_view text) {
  return is_digit ? make_number(text) : make_qualifier(text, false);
}

int sign(int order) {
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

Result<MavenVersion> MavenVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "Maven version is empty");
  }
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "Maven version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  const std::string lower = ascii_lower(text);
  std::vector<std::vector<RawItem>> lists(1);
  std::uint32_t current = 0;
  auto new_list = [&]() {
    RawItem link;
    link.list = true;
    link.child = static_cast<std::uint32_t>(lists.size());
    lists[current].push_back(link);
    lists.emplace_back();
    current = link.child;
  };
  bool is_digit = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    const std::string_view pending = std::string_view(lower).substr(start, i - start);
    if (c == '.' || c == '-') {
      if (i == start) {
        lists[current].push_back(make_number("0"));
      } else {
        lists[current].push_back(make_item(is_digit, pending));
      }
      start = i + 1;
      if (c == '-') {
        new_list();
      }
    } else if (is_ascii_digit(c)) {
      if (!is_digit && i > start) {
        // "1.0.0.X1" is read as "1.0.0-X1": a qualifier starts a sub-list.
        if (!lists[current].empty()) {
          new_list();
        }
        lists[current].push_back(make_qualifier(pending, true));
        start = i;
        new_list();
      }
      is_digit = true;
    } else {
      if (is_digit && i > start) {
        lists[current].push_back(make_number(pending));
        start = i;
        new_list();
      }
      is_digit = false;
    }
  }
  if (lower.size() > start) {
    if (!is_digit && !lists[current].empty()) {
      new_list();
    }
    lists[current].push_back(make_item(is_digit, std::string_view(lower).substr(start)));
  }
  // Normalise the innermost list first: drop trailing 0, "" and empty lists, looking past
  // non-empty sub-lists.
  for (std::size_t index = lists.size(); index-- > 0;) {
    std::vector<RawItem>& list = lists[index];
    for (std::size_t i = list.size(); i-- > 0;) {
      const RawItem& item = list[i];
      const bool is_null = item.list ? lists[item.child].empty()
                                     : (item.number ? item.name == "0" : item.rank == kReleaseRank);
      if (is_null) {
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      } else if (!item.list) {
        break;
      }
    }
  }
  MavenVersion version;
  version.text_ = std::string(text);
  for (const std::vector<RawItem>& list : lists) {
    version.lists_.push_back(List{static_cast<std::uint32_t>(version.items_.size()),
                                  static_cast<std::uint32_t>(list.size())});
    for (const RawItem& raw : list) {
      Item item;
      item.kind = raw.list ? Kind::kList : (raw.number ? Kind::kNumber : Kind::kQualifier);
      item.rank = raw.rank;
      item.begin = static_cast<std::uint32_t>(version.names_.size());
      item.size = static_cast<std::uint32_t>(raw.name.size());
      item.list = raw.child;
      version.names_ += raw.name;
      version.items_.push_back(item);
    }
  }
  return version;
}

int MavenVersion::compare_to_null(const Item& item) const noexcept {
  const Item* current = &item;
  while (true) {
    switch (current->kind) {
      case Kind::kNumber:
        return view(*current) == "0" ? 0 : 1;
      case Kind::kQualifier:
        return current->rank < kReleaseRank ? -1 : (current->rank == kReleaseRank ? 0 : 1);
      case Kind::kList:
        break;
    }
    const List& list = lists_[current->list];
    const Item* next = nullptr;
    for (std::uint32_t i = 0; i < list.count; ++i) {
      const Item& element = items_[list.first + i];
      if (element.kind == Kind::kList) {
        next = &element;  // a sub-list is always the last element
        break;
      }
      if (const int order = compare_to_null(element); order != 0) {
        return order;
      }
    }
    if (next == nullptr) {
      return 0;
    }
    current = next;
  }
}

int MavenVersion::compare_item(const Item& mine, const MavenVersion& other,
                               const Item* theirs) const noexcept {
  if (theirs == nullptr) {
    return compare_to_null(mine);
  }
  switch (mine.kind) {
    case Kind::kNumber:
      if (theirs->kind == Kind::kNumber) {
        return sign(compare_numeric_strings(view(mine), other.view(*theirs)));
      }
      return 1;  // numbers sort after qualifiers and lists
    case Kind::kQualifier:
      if (theirs->kind == Kind::kQualifier) {
        if (mine.rank != theirs->rank) {
          return mine.rank < theirs->rank ? -1 : 1;
        }
        return mine.rank == kOtherRank ? sign(view(mine).compare(other.view(*theirs))) : 0;
      }
      return -1;  // qualifiers sort before numbers and lists
    case Kind::kList:
      return theirs->kind == Kind::kNumber ? -1 : 1;  // list vs list is handled by the caller
  }
  return 0;
}

int MavenVersion::compare_lists(std::uint32_t mine, const MavenVersion& other,
                                std::uint32_t theirs) const noexcept {
  while (true) {
    const List& left = lists_[mine];
    const List& right = other.lists_[theirs];
    const std::uint32_t count = left.count > right.count ? left.count : right.count;
    bool descend = false;
    for (std::uint32_t i = 0; i < count; ++i) {
      const Item* a = i < left.count ? &items_[left.first + i] : nullptr;
      const Item* b = i < right.count ? &other.items_[right.first + i] : nullptr;
      if (a != nullptr && b != nullptr && a->kind == Kind::kList && b->kind == Kind::kList) {
        // Both sub-lists are the last elements: comparing them decides.
        mine = a->list;
        theirs = b->list;
        descend = true;
        break;
      }
      const int order = a == nullptr ? -other.compare_to_null(*b) : compare_item(*a, other, b);
      if (order != 0) {
        return order;
      }
    }
    if (!descend) {
      return 0;
    }
  }
}

int MavenVersion::compare(const MavenVersion& other) const noexcept {
  return compare_lists(0, other, 0);
}

std::string MavenVersion::canonical() const {
  // ListItem.toString: items joined by "." and a sub-list by "-", each list with its own buffer.
  std::string out;
  std::uint32_t list = 0;
  while (true) {
    const std::size_t list_start = out.size();
    const List& entries = lists_[list];
    bool descend = false;
    for (std::uint32_t i = 0; i < entries.count; ++i) {
      const Item& item = items_[entries.first + i];
      if (out.size() > list_start) {
        out.push_back(item.kind == Kind::kList ? '-' : '.');
      }
      if (item.kind == Kind::kList) {
        list = item.list;
        descend = true;
        break;
      }
      out.append(view(item));
    }
    if (!descend) {
      return out;
    }
  }
}

}  // namespace assay::version
