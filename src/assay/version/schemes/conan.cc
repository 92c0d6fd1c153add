// Conan 2 versions: the splitting of conan/internal/model/version.py and the ordering of its
// _VersionItem tuples, made total (see conan.h).
#include "assay/version/schemes/conan.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace conan {

bool is_integer_item(std::string_view item) {
  if (item.empty() || !is_ascii_digit(item.front()) || !is_ascii_digit(item.back())) {
    return false;
  }
  for (std::size_t i = 0; i < item.size(); ++i) {
    if (item[i] == '_') {
      if (item[i - 1] == '_') {
        return false;
      }
    } else if (!is_ascii_digit(item[i])) {
      return false;
    }
  }
  return true;
}

std::string canonical_integer(std::string_view item) {
  std::string digits;
  for (char c : item) {
    if (c != '_' && !(digits.empty() && c == '0')) {
      digits += c;
    }
  }
  return digits.empty() ? "0" : digits;
}

}  // namespace conan

namespace {

// Walks the significant digits of an integer item (underscores and leading zeros skipped), or
// the bytes of a text item, without allocating.
class ItemCursor {
 public:
  ItemCursor(std::string_view item, bool integer) : item_(item), integer_(integer) {
    if (integer_) {
      while (position_ < item_.size() && (item_[position_] == '0' || item_[position_] == '_')) {
        ++position_;
      }
      if (position_ == item_.size()) {
        zero_ = true;  // the integer 0 prints as "0"
      }
    }
  }

  bool done() const { return zero_ ? zero_done_ : position_ >= item_.size(); }
  char current() const { return zero_ ? '0' : item_[position_]; }
  void advance() {
    if (zero_) {
      zero_done_ = true;
      return;
    }
    ++position_;
    if (integer_) {
      while (position_ < item_.size() && item_[position_] == '_') {
        ++position_;
      }
    }
  }

 private:
  std::string_view item_;
  bool integer_;
  std::size_t position_ = 0;
  bool zero_ = false;
  bool zero_done_ = false;
};

// Byte-wise comparison of the printed forms: str(int) for integers, the text for text items.
int compare_printed(std::string_view a, bool a_integer, std::string_view b, bool b_integer) {
  ItemCursor left(a, a_integer);
  ItemCursor right(b, b_integer);
  while (!left.done() && !right.done()) {
    const auto x = static_cast<unsigned char>(left.current());
    const auto y = static_cast<unsigned char>(right.current());
    if (x != y) {
      return x < y ? -1 : 1;
    }
    left.advance();
    right.advance();
  }
  if (left.done() && right.done()) {
    return 0;
  }
  return left.done() ? -1 : 1;
}

// Number of significant digits of an integer item.
std::size_t significant_digits(std::string_view item) {
  std::size_t count = 0;
  bool leading = true;
  for (char c : item) {
    if (c == '_' || (leading && c == '0')) {
      continue;
    }
    leading = false;
    ++count;
  }
  return count;
}

// Numeric comparison of the leading number of two items (the whole integer, or the leading
// digit run of a text item).
int compare_leading_numbers(std::string_view a, bool a_integer, std::string_view b,
                            bool b_integer) {
  if (!a_integer) {
    a = a.substr(0, internal::digit_run(a, 0));
  }
  if (!b_integer) {
    b = b.substr(0, internal::digit_run(b, 0));
  }
  const std::size_t a_digits = significant_digits(a);
  const std::size_t b_digits = significant_digits(b);
  if (a_digits != b_digits) {
    return a_digits < b_digits ? -1 : 1;
  }
  // Same number of significant digits: their printed forms compare like the numbers.
  return compare_printed(a, true, b, true);
}

// 0: text before any digit ('!', '', '*'...), 1: integers and text starting with a digit,
// 2: text after the digits (letters, '_'...). Python compares str(int) with such text by its
// first byte, so classes 0 and 2 sit wholly below and above every integer.
int item_class(std::string_view item, bool integer) {
  if (integer) {
    return 1;
  }
  if (item.empty() || static_cast<unsigned char>(item.front()) < '0') {
    return 0;
  }
  return is_ascii_digit(item.front()) ? 1 : 2;
}

int compare_items(std::string_view a, std::string_view b) {
  const bool a_integer = conan::is_integer_item(a);
  const bool b_integer = conan::is_integer_item(b);
  const int class_a = item_class(a, a_integer);
  const int class_b = item_class(b, b_integer);
  if (class_a != class_b) {
    return class_a < class_b ? -1 : 1;
  }
  if (class_a == 1) {
    const int order = compare_leading_numbers(a, a_integer, b, b_integer);
    if (order != 0) {
      return order;
    }
  }
  return compare_printed(a, a_integer, b, b_integer);
}

// A '.'-separated item list; `none` marks the list with no items at all (every item was a
// zero integer), which differs from the one-item list "" (a single empty text item).
struct ItemList {
  std::string_view text;
  bool none = false;
};

// `list` without its trailing items that are the integer 0 (Conan's _nonzero_items).
ItemList without_trailing_zeros(std::string_view list) {
  while (true) {
    const std::size_t dot = list.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? list : list.substr(dot + 1);
    const bool zero = conan::is_integer_item(last) && significant_digits(last) == 0;
    if (!zero) {
      return ItemList{list, false};
    }
    if (dot == std::string_view::npos) {
      return ItemList{{}, true};
    }
    list = list.substr(0, dot);
  }
}

class ItemIterator {
 public:
  explicit ItemIterator(ItemList list) : text_(list.text), done_(list.none) {}

  // The next item; false when there are no more.
  bool next(std::string_view& item) {
    if (done_) {
      return false;
    }
    const std::size_t dot = text_.find('.', position_);
    if (dot == std::string_view::npos) {
      item = text_.substr(position_);
      done_ = true;
    } else {
      item = text_.substr(position_, dot - position_);
      position_ = dot + 1;
    }
    return true;
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  bool done_ = false;
};

}  // namespace

namespace conan {

int compare_item_lists(std::string_view a, std::string_view b) noexcept {
  ItemIterator left(without_trailing_zeros(a));
  ItemIterator right(without_trailing_zeros(b));
  while (true) {
    std::string_view x;
    std::string_view y;
    const bool has_x = left.next(x);
    const bool has_y = right.next(y);
    if (!has_x || !has_y) {
      if (!has_x && !has_y) {
        return 0;
      }
      return has_x ? 1 : -1;
    }
    const int order = compare_items(x, y);
    if (order != 0) {
      return order;
    }
  }
}

}  // namespace conan

Result<ConanVersion> ConanVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid Conan version: version is empty");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte <= 0x20 || byte >= 0x7F) {
      return fail(ErrorCode::kInvalidInput,
                  "invalid Conan version: whitespace, control or non-ASCII " +
                      internal::describe_byte(text, i));
    }
  }
  ConanVersion version;
  version.text_ = std::string(text);
  const std::string_view body = version.text_;
  std::size_t value_end = body.size();
  const std::size_t plus = body.rfind('+');
  if (plus != std::string_view::npos) {
    version.has_build_ = true;
    version.build_begin_ = plus + 1;
    version.build_size_ = body.size() - plus - 1;
    value_end = plus;
  }
  const std::size_t hyphen = body.substr(0, value_end).find('-');
  if (hyphen != std::string_view::npos) {
    version.has_pre_ = true;
    version.pre_begin_ = hyphen + 1;
    version.pre_size_ = value_end - hyphen - 1;
    value_end = hyphen;
  }
  version.main_size_ = value_end;
  return version;
}

int ConanVersion::compare(const ConanVersion& other) const noexcept {
  int order = conan::compare_item_lists(main(), other.main());
  if (order != 0) {
    return order;
  }
  if (has_pre_ != other.has_pre_) {
    return has_pre_ ? -1 : 1;
  }
  if (has_pre_) {
    order = conan::compare_item_lists(pre(), other.pre());
    if (order != 0) {
      return order;
    }
  }
  if (has_build_ != other.has_build_) {
    return has_build_ ? 1 : -1;
  }
  return has_build_ ? conan::compare_item_lists(build(), other.build()) : 0;
}

}  // namespace assay::version
