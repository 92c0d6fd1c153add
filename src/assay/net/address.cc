// SSRF address classification (RFC 6890 special-purpose registries, simplified to what matters for
// an outbound fetch).
#include "assay/net/address.h"

#include <array>
#include <cstdint>
#include <string>

#include <arpa/inet.h>

namespace assay::net {

namespace {

AddressClass classify_v4(std::uint32_t address) {
  const auto in = [address](std::uint32_t network, int prefix) {
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    return (address & mask) == network;
  };
  if (in(0x00000000, 8)) {
    return AddressClass::kUnspecified;  // 0.0.0.0/8 "this network"
  }
  if (in(0x7F000000, 8)) {
    return AddressClass::kLoopback;
  }
  if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16)) {
    return AddressClass::kPrivate;
  }
  if (in(0xA9FE0000, 16)) {
    return AddressClass::kLinkLocal;
  }
  if (in(0x64400000, 10)) {
    return AddressClass::kCgnat;
  }
  if (in(0xE0000000, 4)) {
    return AddressClass::kMulticast;
  }
  if (in(0xF0000000, 4)) {
    return AddressClass::kBroadcast;  // 240/4 reserved, including 255.255.255.255
  }
  // IETF protocol assignments, TEST-NET-1/2/3, benchmarking, 6to4 relay anycast, AS112.
  if (in(0xC0000000, 24) || in(0xC0000200, 24) || in(0xC6336400, 24) || in(0xCB007100, 24) ||
      in(0xC6120000, 15) || in(0xC0586300, 24) || in(0xC0AF3000, 24)) {
    return AddressClass::kReserved;
  }
  return AddressClass::kPublic;
}

std::uint32_t v4_at(const std::array<std::uint8_t, 16>& bytes, std::size_t offset) {
  return static_cast<std::uint32_t>(bytes[offset]) << 24 |
         static_cast<std::uint32_t>(bytes[offset + 1]) << 16 |
         static_cast<std::uint32_t>(bytes[offset + 2]) << 8 |
         static_cast<std::uint32_t>(bytes[offset + 3]);
}

// An IPv6 tunnel/translation prefix is only as good as the IPv4 address inside it.
AddressClass embedded(std::uint32_t v4) {
  return classify_v4(v4) == AddressClass::kPublic ? AddressClass::kPublic : AddressClass::kReserved;
}

AddressClass classify_v6(const std::array<std::uint8_t, 16>& bytes) {
  bool zero_prefix = true;  // the first 80 bits are zero
  for (std::size_t index = 0; index < 10; ++index) {
    zero_prefix = zero_prefix && bytes[index] == 0;
  }
  if (zero_prefix) {
    const std::uint32_t tail = v4_at(bytes, 12);
    if (bytes[10] == 0xFF && bytes[11] == 0xFF) {
      return AddressClass::kIpv4Mapped;
    }
    if (bytes[10] == 0 && bytes[11] == 0) {
      if (tail == 0) {
        return AddressClass::kUnspecified;
      }
      if (tail == 1) {
        return AddressClass::kLoopback;
      }
      return AddressClass::kIpv4Mapped;  // deprecated IPv4-compatible ::a.b.c.d
    }
  }
  if (bytes[0] == 0xFF) {
    return AddressClass::kMulticast;
  }
  if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) {
    return AddressClass::kLinkLocal;
  }
  if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0xC0) {
    return AddressClass::kUniqueLocal;  // deprecated site-local fec0::/10
  }
  if ((bytes[0] & 0xFE) == 0xFC) {
    return AddressClass::kUniqueLocal;
  }
  // NAT64 64:ff9b::/96 and 6to4 2002::/16 carry an IPv4 address.
  if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B) {
    bool zeros = true;
    for (std::size_t index = 4; index < 12; ++index) {
      zeros = zeros && bytes[index] == 0;
    }
    return zeros ? embedded(v4_at(bytes, 12)) : AddressClass::kReserved;
  }
  if (bytes[0] == 0x20 && bytes[1] == 0x02) {
    return embedded(v4_at(bytes, 2));
  }
  // Teredo 2001::/32, documentation 2001:db8::/32, ORCHIDv2 2001:20::/28, benchmarking 2001:2::/48.
  if (bytes[0] == 0x20 && bytes[1] == 0x01) {
    if ((bytes[2] == 0x00 && bytes[3] == 0x00) || (bytes[2] == 0x0D && bytes[3] == 0xB8) ||
        (bytes[2] == 0x00 && (bytes[3] & 0xF0) == 0x20) ||
        (bytes[2] == 0x00 && bytes[3] == 0x02 && bytes[4] == 0 && bytes[5] == 0)) {
      return AddressClass::kReserved;
    }
  }
  // Only 2000::/3 is global unicast; 100::/64 discard and everything else is not a destination.
  if ((bytes[0] & 0xE0) != 0x20) {
    return AddressClass::kReserved;
  }
  return AddressClass::kPublic;
}

}  // namespace

std::string_view to_string(AddressClass address_class) {
  switch (address_class) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kCgnat:
      return "CGNAT";
    case AddressClass::kUniqueLocal:
      return "unique-local";
    case AddressClass::kReserved:
      return "reserved";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kBroadcast:
      return "broadcast";
    case AddressClass::kIpv4Mapped:
      return "IPv4-mapped";
  }
  return "reserved";
}

std::optional<AddressClass> classify(std::string_view address) {
  const std::string text(address);
  std::array<std::uint8_t, 16> bytes{};
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
    return classify_v4(v4_at(bytes, 0));
  }
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) {
    return classify_v6(bytes);
  }
  return std::nullopt;
}

bool is_allowed(AddressClass address_class, bool allow_private) {
  switch (address_class) {
    case AddressClass::kPublic:
      return true;
    case AddressClass::kPrivate:
    case AddressClass::kLoopback:
    case AddressClass::kLinkLocal:
    case AddressClass::kCgnat:
    case AddressClass::kUniqueLocal:
    case AddressClass::kReserved:
      return allow_private;
    case AddressClass::kMulticast:
    case AddressClass::kUnspecified:
    case AddressClass::kBroadcast:
    case AddressClass::kIpv4Mapped:
      return false;
  }
  return false;
}

}  // namespace assay::net
