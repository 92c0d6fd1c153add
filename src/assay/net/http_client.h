// Passive outbound HTTP GETs (libcurl) for checks of vendors' well-known files. https only by
// default; connect and total timeouts; a body size cap; a redirect limit. Every hop passes the
// SSRF guard (address.h): the host is resolved first, every address it resolves to must be
// allowed, and the connection is pinned to the checked address (CURLOPT_RESOLVE, and the socket
// callback refuses any other), so DNS rebinding cannot move the request elsewhere. No cookies, no
// proxies from the environment, no compression, a fixed User-Agent, nothing logged.
#ifndef ASSAY_NET_HTTP_CLIENT_H_
#define ASSAY_NET_HTTP_CLIENT_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"

namespace assay::net {

// "assay/<version> (+passive check)".
std::string user_agent();

struct FetchOptions {
  // Allow private, loopback, link-local, CGNAT, unique-local and reserved addresses (tests, or an
  // operator checking an internal service). Unspecified, multicast, broadcast and IPv4-mapped
  // addresses stay refused.
  bool allow_private_addresses = false;
  // Allow plain http:// (tests against a loopback server). https:// is always allowed.
  bool allow_http = false;
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{20'000};  // for the whole fetch, redirects included
  std::size_t max_body_bytes = 1024 * 1024;
  // When set, a body over max_body_bytes is cut there and returned with Response::truncated set,
  // instead of failing (for formats whose own size rule should report it).
  bool keep_truncated_body = false;
  int max_redirects = 5;
  // Refuse a redirect to another host (compared case-insensitively, port ignored) before
  // resolving it, as passive checks of a vendor's own site do (assay assess --online).
  bool same_host_redirects_only = false;
  // Name resolution, replaceable by tests (e.g. to simulate a rebinding DNS answer). Returns
  // numeric addresses. Default: getaddrinfo.
  std::function<Result<std::vector<std::string>>(const std::string& host)> resolver;
  // Extra CA bundle for TLS verification (tests); "" = the system store.
  std::string ca_file;
};

struct Response {
  long status = 0;
  std::string body;
  std::string content_type;            // "" when the server sent none
  std::string url;                     // the final URL, after redirects
  std::vector<std::string> redirects;  // every URL that redirected, in order
  std::string address;                 // the IP address actually connected to (final hop)
  bool truncated = false;              // the body was cut at max_body_bytes (keep_truncated_body)
};

// GETs `url`, following at most options.max_redirects redirects (3xx with Location), each
// re-checked against the scheme rule and the SSRF guard. Returns the final response whatever its
// status code. Fails with:
//   kInvalidInput  the URL is malformed, not https (unless allow_http), carries credentials, or
//                  its host resolves to an address the guard refuses; too many redirects; a
//                  redirect to another host when same_host_redirects_only is set;
//   kIo            resolution, connection, TLS, timeout or transfer failed, or the body exceeded
//                  max_body_bytes.
// Messages never include the query string. Thread-safe (one curl handle per call).
[[nodiscard]] Result<Response> fetch(std::string_view url, const FetchOptions& options);

// The URL without userinfo, query or fragment, for messages.
std::string redact_url(std::string_view url);

}  // namespace assay::net

#endif  // ASSAY_NET_HTTP_CLIENT_H_
