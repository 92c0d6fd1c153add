// Passive GETs through libcurl with the SSRF guard applied, and the connection pinned, per hop.
#include "assay/net/http_client.h"

#include <netdb.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "assay/core/strings.h"
#include "assay/net/address.h"

#ifndef ASSAY_NET_VERSION
#define ASSAY_NET_VERSION "0.0.0"
#endif

namespace assay::net {

namespace {

using Clock = std::chrono::steady_clock;

void initialise_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using ListHandle = std::unique_ptr<curl_slist, ListDeleter>;

std::optional<std::string> url_part(CURLU* url, CURLUPart part, unsigned int flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK || value == nullptr) {
    return std::nullopt;
  }
  std::string out(value);
  curl_free(value);
  return out;
}

// One hop's destination, checked.
struct Target {
  UrlHandle url;
  std::string host;  // as curl will use it (IPv6 literals in brackets)
  std::string port;
  std::string address;  // the checked address the connection is pinned to
  bool numeric_host = false;
};

Result<std::vector<std::string>> resolve_system(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* results = nullptr;
  const int status = getaddrinfo(host.c_str(), nullptr, &hints, &results);
  if (status != 0) {
    return fail(ErrorCode::kIo,
                "cannot resolve " + quote(host) + ": " + std::string(gai_strerror(status)));
  }
  std::vector<std::string> out;
  for (const addrinfo* entry = results; entry != nullptr; entry = entry->ai_next) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    const void* raw = nullptr;
    if (entry->ai_family == AF_INET) {
      raw = &reinterpret_cast<const sockaddr_in*>(entry->ai_addr)->sin_addr;
    } else if (entry->ai_family == AF_INET6) {
      raw = &reinterpret_cast<const sockaddr_in6*>(entry->ai_addr)->sin6_addr;
    } else {
      continue;
    }
    if (inet_ntop(entry->ai_family, raw, text.data(), text.size()) != nullptr &&
        std::find(out.begin(), out.end(), text.data()) == out.end()) {
      out.emplace_back(text.data());
    }
  }
  freeaddrinfo(results);
  if (out.empty()) {
    return fail(ErrorCode::kIo, "cannot resolve " + quote(host) + ": no address");
  }
  return out;
}

Result<Target> check_target(const std::string& url_text, const FetchOptions& options) {
  const std::string shown = redact_url(url_text);
  UrlHandle url(curl_url());
  if (!url) {
    return fail(ErrorCode::kInternal, "cannot allocate a URL handle");
  }
  if (curl_url_set(url.get(), CURLUPART_URL, url_text.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    return fail(ErrorCode::kInvalidInput, "not a valid absolute URL: " + quote(shown));
  }
  const std::string scheme = ascii_lower(url_part(url.get(), CURLUPART_SCHEME).value_or(""));
  if (scheme != "https" && !(scheme == "http" && options.allow_http)) {
    return fail(ErrorCode::kInvalidInput,
                "refusing " + quote(shown) + ": only https:// URLs are fetched" +
                    (scheme == "http" ? " (http:// only with --allow-private-addresses)" : ""));
  }
  if (url_part(url.get(), CURLUPART_USER) || url_part(url.get(), CURLUPART_PASSWORD)) {
    return fail(ErrorCode::kInvalidInput,
                "refusing " + quote(shown) + ": URLs with credentials are not fetched");
  }
  Target target;
  target.host = url_part(url.get(), CURLUPART_HOST).value_or("");
  target.port = url_part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("");
  if (target.host.empty()) {
    return fail(ErrorCode::kInvalidInput, "URL has no host: " + quote(shown));
  }
  std::string bare = target.host;
  if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']') {
    bare = bare.substr(1, bare.size() - 2);
  }
  if (bare.find('%') != std::string::npos) {
    return fail(ErrorCode::kInvalidInput, "refusing " + quote(shown) + ": scoped IPv6 addresses");
  }
  std::vector<std::string> addresses;
  if (classify(bare)) {
    target.numeric_host = true;
    addresses.push_back(bare);
  } else {
    ASSAY_TRY(addresses, options.resolver ? options.resolver(bare) : resolve_system(bare));
    if (addresses.empty()) {
      return fail(ErrorCode::kIo, "cannot resolve " + quote(bare) + ": no address");
    }
  }
  // Every address must pass: a name that also resolves to an internal address is refused, even
  // though the connection would be pinned to one address anyway.
  for (const std::string& address : addresses) {
    const std::optional<AddressClass> address_class = classify(address);
    if (!address_class) {
      return fail(ErrorCode::kIo, "resolver returned a non-numeric address for " + quote(bare));
    }
    if (!is_allowed(*address_class, options.allow_private_addresses)) {
      const bool could_allow = is_allowed(*address_class, true);
      return fail(ErrorCode::kInvalidInput,
                  "refusing to fetch " + quote(shown) + ": " + bare + " resolves to " + address +
                      " (" + std::string(to_string(*address_class)) +
                      "); only public addresses are fetched" +
                      (could_allow ? " unless --allow-private-addresses is given" : ""));
    }
  }
  target.address = addresses.front();
  target.url = std::move(url);
  return target;
}

// The socket callback's view: the only address a connection may go to.
struct SocketGuard {
  std::string pinned;
  bool allow_private = false;
  bool refused = false;
};

curl_socket_t open_socket(void* data, curlsocktype purpose, curl_sockaddr* address) {
  auto* guard = static_cast<SocketGuard*>(data);
  if (purpose != CURLSOCKTYPE_IPCXN || address == nullptr) {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  std::array<char, INET6_ADDRSTRLEN> text{};
  const void* raw = nullptr;
  if (address->family == AF_INET) {
    raw = &reinterpret_cast<const sockaddr_in*>(&address->addr)->sin_addr;
  } else if (address->family == AF_INET6) {
    raw = &reinterpret_cast<const sockaddr_in6*>(&address->addr)->sin6_addr;
  }
  const bool readable =
      raw != nullptr && inet_ntop(address->family, raw, text.data(), text.size()) != nullptr;
  const std::optional<AddressClass> address_class = readable ? classify(text.data()) : std::nullopt;
  if (!readable || text.data() != guard->pinned || !address_class ||
      !is_allowed(*address_class, guard->allow_private)) {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

struct BodySink {
  std::string* body = nullptr;
  std::size_t limit = 0;
  bool keep_truncated = false;
  bool exceeded = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body->size() + bytes > sink->limit) {
    sink->exceeded = true;
    if (sink->keep_truncated) {
      sink->body->append(data, sink->limit - sink->body->size());
    }
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->body->append(data, bytes);
  return bytes;
}

template <typename T>
void set(CURL* easy, CURLoption option, T value) {
  // Options set here are all valid for this libcurl; a failure would be a build problem.
  static_cast<void>(curl_easy_setopt(easy, option, value));
}

struct Hop {
  Response response;
  std::string redirect;  // "" when the response is final
};

Result<Hop> perform(Target& target, const std::string& shown, const FetchOptions& options,
                    Clock::time_point deadline) {
  const auto remaining =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (remaining.count() <= 0) {
    return fail(ErrorCode::kIo, "timed out fetching " + quote(shown) + " after " +
                                    std::to_string(options.total_timeout.count()) + " ms");
  }
  EasyHandle easy(curl_easy_init());
  if (!easy) {
    return fail(ErrorCode::kInternal, "cannot allocate a curl handle");
  }
  ListHandle resolve;
  if (!target.numeric_host) {
    const bool v6 = target.address.find(':') != std::string::npos;
    const std::string entry =
        target.host + ":" + target.port + ":" + (v6 ? "[" + target.address + "]" : target.address);
    resolve.reset(curl_slist_append(nullptr, entry.c_str()));
  }
  SocketGuard guard{target.address, options.allow_private_addresses, false};
  Hop hop;
  BodySink sink{&hop.response.body, options.max_body_bytes, options.keep_truncated_body, false};
  std::array<char, CURL_ERROR_SIZE> error_text{};
  const std::string agent = user_agent();
  CURL* handle = easy.get();
  set(handle, CURLOPT_CURLU, target.url.get());
  set(handle, CURLOPT_HTTPGET, 1L);
  set(handle, CURLOPT_FOLLOWLOCATION, 0L);
  set(handle, CURLOPT_PROTOCOLS_STR, options.allow_http ? "http,https" : "https");
  set(handle, CURLOPT_USERAGENT, agent.c_str());
  set(handle, CURLOPT_NOSIGNAL, 1L);
  set(handle, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(std::min(options.connect_timeout, remaining).count()));
  set(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining.count()));
  if (!options.keep_truncated_body) {
    set(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
  }
  set(handle, CURLOPT_WRITEFUNCTION, write_body);
  set(handle, CURLOPT_WRITEDATA, &sink);
  set(handle, CURLOPT_PROXY, "");  // never route through an environment proxy past the guard
  set(handle, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  set(handle, CURLOPT_OPENSOCKETDATA, &guard);
  set(handle, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  set(handle, CURLOPT_ERRORBUFFER, error_text.data());
  if (resolve) {
    set(handle, CURLOPT_RESOLVE, resolve.get());
  }
  if (!options.ca_file.empty()) {
    set(handle, CURLOPT_CAINFO, options.ca_file.c_str());
  }
  const CURLcode code = curl_easy_perform(handle);
  hop.response.truncated = sink.exceeded && options.keep_truncated_body;
  if (code != CURLE_OK && !hop.response.truncated) {
    if (sink.exceeded || code == CURLE_FILESIZE_EXCEEDED) {
      return fail(ErrorCode::kIo, "response from " + quote(shown) + " is larger than " +
                                      std::to_string(options.max_body_bytes) + " bytes");
    }
    if (guard.refused) {
      return fail(ErrorCode::kInvalidInput, "refused a connection for " + quote(shown) +
                                                " to an address other than the "
                                                "checked " +
                                                target.address);
    }
    if (code == CURLE_OPERATION_TIMEDOUT) {
      return fail(ErrorCode::kIo, "timed out fetching " + quote(shown) + " (" +
                                      std::string(curl_easy_strerror(code)) + ")");
    }
    const std::string detail =
        error_text[0] != '\0' ? std::string(error_text.data()) : curl_easy_strerror(code);
    return fail(ErrorCode::kIo, "fetching " + quote(shown) + " failed: " + detail);
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  hop.response.status = status;
  char* text = nullptr;
  if (curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &text) == CURLE_OK && text != nullptr) {
    hop.response.content_type = text;
  }
  text = nullptr;
  if (curl_easy_getinfo(handle, CURLINFO_PRIMARY_IP, &text) == CURLE_OK && text != nullptr) {
    hop.response.address = text;
  }
  text = nullptr;
  if (status >= 300 && status < 400 &&
      curl_easy_getinfo(handle, CURLINFO_REDIRECT_URL, &text) == CURLE_OK && text != nullptr) {
    hop.redirect = text;
  }
  return hop;
}

}  // namespace

std::string user_agent() {
  return std::string("assay/") + ASSAY_NET_VERSION + " (+passive check)";
}

std::string redact_url(std::string_view url) {
  std::string_view text = url.substr(0, url.find_first_of("?#"));
  const std::size_t scheme = text.find("://");
  if (scheme == std::string_view::npos) {
    return std::string(text);
  }
  const std::size_t authority_start = scheme + 3;
  const std::size_t authority_end = std::min(text.find('/', authority_start), text.size());
  const std::string_view authority = text.substr(authority_start, authority_end - authority_start);
  const std::size_t at = authority.rfind('@');
  std::string out(text.substr(0, authority_start));
  out += at == std::string_view::npos ? authority : authority.substr(at + 1);
  out += text.substr(authority_end);
  return out;
}

namespace {

// The lower-cased host of a URL, "" when it has none or cannot be parsed.
std::string host_of(const std::string& url_text) {
  UrlHandle url(curl_url());
  if (!url || curl_url_set(url.get(), CURLUPART_URL, url_text.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
                  CURLUE_OK) {
    return "";
  }
  return ascii_lower(url_part(url.get(), CURLUPART_HOST).value_or(""));
}

}  // namespace

Result<Response> fetch(std::string_view url, const FetchOptions& options) {
  initialise_curl();
  const Clock::time_point deadline = Clock::now() + options.total_timeout;
  std::string current(url);
  std::vector<std::string> redirects;
  for (int hop_index = 0;; ++hop_index) {
    const std::string shown = redact_url(current);
    ASSAY_TRY(Target target, check_target(current, options));
    ASSAY_TRY(Hop hop, perform(target, shown, options, deadline));
    if (hop.redirect.empty()) {
      hop.response.url = current;
      hop.response.redirects = std::move(redirects);
      return std::move(hop.response);
    }
    if (hop_index >= options.max_redirects) {
      return fail(ErrorCode::kInvalidInput, "more than " + std::to_string(options.max_redirects) +
                                                " redirects, last from " + quote(shown));
    }
    if (options.same_host_redirects_only) {
      const std::string from = host_of(current);
      const std::string to = host_of(hop.redirect);
      if (to.empty() || to != from) {
        return fail(ErrorCode::kInvalidInput, "refusing the redirect from " + quote(shown) +
                                                  " to " + quote(redact_url(hop.redirect)) +
                                                  ": it leaves the host " + quote(from));
      }
    }
    redirects.push_back(current);
    current = std::move(hop.redirect);
  }
}

}  // namespace assay::net
