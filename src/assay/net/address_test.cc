// Tests for the SSRF guard's address classes and what the allow flag permits.
#include "assay/net/address.h"

#include <gtest/gtest.h>

namespace assay::net {
namespace {

TEST(AddressClassifyTest, ClassifiesIpv4Ranges) {
  struct Case {
    const char* address;
    AddressClass want;
  };
  const Case cases[] = {
      {"8.8.8.8", AddressClass::kPublic},
      {"93.184.216.34", AddressClass::kPublic},
      {"10.1.2.3", AddressClass::kPrivate},
      {"172.16.0.1", AddressClass::kPrivate},
      {"172.31.255.255", AddressClass::kPrivate},
      {"172.32.0.1", AddressClass::kPublic},
      {"192.168.1.1", AddressClass::kPrivate},
      {"127.0.0.1", AddressClass::kLoopback},
      {"127.255.0.9", AddressClass::kLoopback},
      {"169.254.169.254", AddressClass::kLinkLocal},
      {"100.64.0.1", AddressClass::kCgnat},
      {"100.127.255.254", AddressClass::kCgnat},
      {"100.128.0.1", AddressClass::kPublic},
      {"224.0.0.1", AddressClass::kMulticast},
      {"0.0.0.0", AddressClass::kUnspecified},
      {"0.1.2.3", AddressClass::kUnspecified},
      {"255.255.255.255", AddressClass::kBroadcast},
      {"240.0.0.1", AddressClass::kBroadcast},
      {"192.0.2.10", AddressClass::kReserved},
      {"198.51.100.1", AddressClass::kReserved},
      {"203.0.113.5", AddressClass::kReserved},
      {"198.18.0.1", AddressClass::kReserved},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(classify(test.address), test.want) << test.address;
  }
}

TEST(AddressClassifyTest, ClassifiesIpv6Ranges) {
  struct Case {
    const char* address;
    AddressClass want;
  };
  const Case cases[] = {
      {"2606:4700:4700::1111", AddressClass::kPublic},
      {"::1", AddressClass::kLoopback},
      {"::", AddressClass::kUnspecified},
      {"::ffff:127.0.0.1", AddressClass::kIpv4Mapped},
      {"::ffff:8.8.8.8", AddressClass::kIpv4Mapped},
      {"::127.0.0.1", AddressClass::kIpv4Mapped},
      {"fc00::1", AddressClass::kUniqueLocal},
      {"fd12:3456::1", AddressClass::kUniqueLocal},
      {"fec0::1", AddressClass::kUniqueLocal},
      {"fe80::1", AddressClass::kLinkLocal},
      {"ff02::1", AddressClass::kMulticast},
      {"2001:db8::1", AddressClass::kReserved},
      {"2001::1", AddressClass::kReserved},
      {"64:ff9b::8.8.8.8", AddressClass::kPublic},
      {"64:ff9b::10.0.0.1", AddressClass::kReserved},
      {"2002:0a00:0001::1", AddressClass::kReserved},
      {"2002:0808:0808::1", AddressClass::kPublic},
      {"100::1", AddressClass::kReserved},
      {"4000::1", AddressClass::kReserved},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(classify(test.address), test.want) << test.address;
  }
}

TEST(AddressClassifyTest, NamesAndMalformedTextAreNotAddresses) {
  for (const char* text : {"example.com", "", "1.2.3", "[::1]", "::1%eth0", "1.2.3.4 "}) {
    EXPECT_FALSE(classify(text)) << text;
  }
}

TEST(AddressAllowTest, AllowFlagOpensInternalRangesButNeverNonDestinations) {
  EXPECT_TRUE(is_allowed(AddressClass::kPublic, false));
  for (const AddressClass internal :
       {AddressClass::kPrivate, AddressClass::kLoopback, AddressClass::kLinkLocal,
        AddressClass::kCgnat, AddressClass::kUniqueLocal, AddressClass::kReserved}) {
    EXPECT_FALSE(is_allowed(internal, false)) << to_string(internal);
    EXPECT_TRUE(is_allowed(internal, true)) << to_string(internal);
  }
  for (const AddressClass never : {AddressClass::kMulticast, AddressClass::kUnspecified,
                                   AddressClass::kBroadcast, AddressClass::kIpv4Mapped}) {
    EXPECT_FALSE(is_allowed(never, false)) << to_string(never);
    EXPECT_FALSE(is_allowed(never, true)) << to_string(never);
  }
}

}  // namespace
}  // namespace assay::net
