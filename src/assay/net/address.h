// The server-side request forgery (SSRF) guard's address rules: which IP addresses a passive
// fetch may connect to. Pure functions over numeric addresses; resolving names is http_client's.
#ifndef ASSAY_NET_ADDRESS_H_
#define ASSAY_NET_ADDRESS_H_

#include <optional>
#include <string>
#include <string_view>

namespace assay::net {

enum class AddressClass {
  kPublic,       // globally routable unicast
  kPrivate,      // RFC 1918 (10/8, 172.16/12, 192.168/16)
  kLoopback,     // 127/8, ::1
  kLinkLocal,    // 169.254/16, fe80::/10 (cloud metadata services live here)
  kCgnat,        // 100.64/10 shared address space
  kUniqueLocal,  // fc00::/7 and the deprecated site-local fec0::/10
  kReserved,     // documentation, benchmarking, IETF, 6to4/Teredo/NAT64 to non-public IPv4, ...
  kMulticast,    // 224/4, ff00::/8
  kUnspecified,  // 0.0.0.0/8, ::  (connects to the local host on Linux)
  kBroadcast,    // 240/4 including 255.255.255.255
  kIpv4Mapped,   // ::ffff:0:0/96 and the deprecated IPv4-compatible ::/96
};

// "public", "private", "loopback", "link-local", "CGNAT", "unique-local", "reserved", "multicast",
// "unspecified", "broadcast", "IPv4-mapped".
std::string_view to_string(AddressClass address_class);

// Classifies a numeric IPv4 ("192.0.2.1") or IPv6 ("2001:db8::1", without brackets or zone)
// address. nullopt when `address` is not a numeric address.
std::optional<AddressClass> classify(std::string_view address);

// Whether a fetch may connect to an address of this class. Public addresses always may. Private,
// loopback, link-local, CGNAT, unique-local and reserved ones only when `allow_private` is set
// (tests, or an operator who means it). Unspecified, multicast, broadcast and IPv4-mapped
// addresses never may: they are not destinations, only ways round a guard.
bool is_allowed(AddressClass address_class, bool allow_private);

}  // namespace assay::net

#endif  // ASSAY_NET_ADDRESS_H_
