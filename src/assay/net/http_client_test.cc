// Tests for passive fetches against a loopback cpp-httplib server: the SSRF guard (refusal without
// the flag, re-applied on redirects, connection pinned to the checked address), https-only,
// size limits, timeouts, redirect limits, and what is (not) sent.
#include "assay/net/http_client.h"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/net/test_server.h"

namespace assay::net {
namespace {

using ::testing::HasSubstr;

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    httplib::Server& server = server_.server();
    server.Get("/ok", [this](const httplib::Request& request, httplib::Response& response) {
      ++requests_;
      const std::lock_guard<std::mutex> lock(mutex_);
      user_agent_ = request.get_header_value("User-Agent");
      cookie_ = request.get_header_value("Cookie");
      accept_encoding_ = request.get_header_value("Accept-Encoding");
      host_ = request.get_header_value("Host");
      response.set_content("Contact: mailto:security@example.com\n", "text/plain; charset=utf-8");
    });
    server.Get("/big", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(2 * 1024 * 1024, 'x'), "text/plain");
    });
    server.Get("/chunked", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/plain", [](std::size_t, httplib::DataSink& sink) {
        const std::string block(64 * 1024, 'y');
        for (int index = 0; index < 40; ++index) {
          if (!sink.write(block.data(), block.size())) {
            return false;
          }
        }
        sink.done();
        return true;
      });
    });
    server.Get("/slow", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      response.set_content("late", "text/plain");
    });
    server.Get(R"(/r/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      const int left = std::stoi(request.matches[1]);
      response.set_redirect(left <= 1 ? "/ok" : "/r/" + std::to_string(left - 1));
    });
    server.Get("/to-unspecified", [this](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("http://0.0.0.0:" + std::to_string(server_.port()) + "/ok");
    });
    server.Get("/to-credentials", [this](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("http://user:secret@127.0.0.1:" + std::to_string(server_.port()) +
                            "/ok");
    });
    server.Get("/to-metadata", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("http://169.254.169.254/latest/meta-data/");
    });
    server.Get("/set-cookie", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("Set-Cookie", "session=abc; Path=/");
      response.set_redirect("/ok");
    });
    server.Get("/missing", [](const httplib::Request&, httplib::Response& response) {
      response.status = 404;
      response.set_content("not here", "text/plain");
    });
    ASSERT_TRUE(server_.start());
  }

  FetchOptions permissive() const {
    FetchOptions options;
    options.allow_private_addresses = true;
    options.allow_http = true;
    options.total_timeout = std::chrono::milliseconds(5'000);
    return options;
  }

  testing::LoopbackServer server_;
  std::atomic<int> requests_{0};
  std::mutex mutex_;
  std::string user_agent_;
  std::string cookie_;
  std::string accept_encoding_;
  std::string host_;
};

TEST_F(HttpClientTest, LoopbackIsRefusedWithoutTheFlagAndNothingIsSent) {
  FetchOptions options;
  options.allow_http = true;
  const Result<Response> response = fetch(server_.url("/ok"), options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(response.error().message, HasSubstr("127.0.0.1 (loopback)"));
  EXPECT_THAT(response.error().message, HasSubstr("unless --allow-private-addresses is given"));
  EXPECT_EQ(requests_.load(), 0);
}

TEST_F(HttpClientTest, OnlyHttpsByDefault) {
  FetchOptions options;
  options.allow_private_addresses = true;
  const Result<Response> response = fetch(server_.url("/ok"), options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(response.error().message, HasSubstr("only https:// URLs are fetched"));
  EXPECT_FALSE(fetch("ftp://127.0.0.1/x", permissive()));
  EXPECT_FALSE(fetch("file:///etc/passwd", permissive()));
}

TEST_F(HttpClientTest, FetchesWithTheFlagSendingOnlyWhatIsNeeded) {
  const Result<Response> response = fetch(server_.url("/ok"), permissive());
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "Contact: mailto:security@example.com\n");
  EXPECT_EQ(response->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(response->address, "127.0.0.1");
  EXPECT_EQ(response->url, server_.url("/ok"));
  EXPECT_TRUE(response->redirects.empty());
  const std::lock_guard<std::mutex> lock(mutex_);
  EXPECT_EQ(user_agent_, user_agent());
  EXPECT_THAT(user_agent_,
              ::testing::MatchesRegex(R"(assay/[0-9]+\.[0-9]+\.[0-9]+ \(\+passive check\))"));
  EXPECT_EQ(accept_encoding_, "");
}

TEST_F(HttpClientTest, NonSuccessStatusIsReturnedNotAnError) {
  const Result<Response> response = fetch(server_.url("/missing"), permissive());
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->status, 404);
}

TEST_F(HttpClientTest, BodyOverTheLimitIsAbortedWithOrWithoutContentLength) {
  for (const char* path : {"/big", "/chunked"}) {
    const Result<Response> response = fetch(server_.url(path), permissive());
    ASSERT_FALSE(response) << path;
    EXPECT_EQ(response.error().code, ErrorCode::kIo);
    EXPECT_THAT(response.error().message, HasSubstr("is larger than 1048576 bytes")) << path;
  }
  FetchOptions options = permissive();
  options.max_body_bytes = 4 * 1024 * 1024;
  const Result<Response> response = fetch(server_.url("/chunked"), options);
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->body.size(), 40U * 64 * 1024);
}

TEST_F(HttpClientTest, OversizedBodyCanBeKeptTruncated) {
  FetchOptions options = permissive();
  options.max_body_bytes = 1000;
  options.keep_truncated_body = true;
  for (const char* path : {"/big", "/chunked"}) {
    const Result<Response> response = fetch(server_.url(path), options);
    ASSERT_TRUE(response) << response.error().to_string();
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(response->truncated);
    EXPECT_EQ(response->body.size(), 1000U);
  }
  const Result<Response> small = fetch(server_.url("/ok"), options);
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->truncated);
}

TEST_F(HttpClientTest, SlowServerTimesOut) {
  FetchOptions options = permissive();
  options.total_timeout = std::chrono::milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  const Result<Response> response = fetch(server_.url("/slow"), options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kIo);
  EXPECT_THAT(response.error().message, HasSubstr("timed out"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1400));
}

TEST_F(HttpClientTest, FollowsRedirectsUpToTheLimit) {
  FetchOptions options = permissive();
  options.max_redirects = 3;
  Result<Response> response = fetch(server_.url("/r/3"), options);
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->url, server_.url("/ok"));
  EXPECT_THAT(response->redirects, ::testing::ElementsAre(server_.url("/r/3"), server_.url("/r/2"),
                                                          server_.url("/r/1")));
  options.max_redirects = 2;
  response = fetch(server_.url("/r/3"), options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(response.error().message, HasSubstr("more than 2 redirects"));
}

TEST_F(HttpClientTest, GuardIsReappliedOnEveryRedirect) {
  Result<Response> response = fetch(server_.url("/to-unspecified"), permissive());
  ASSERT_FALSE(response);
  EXPECT_THAT(response.error().message, HasSubstr("0.0.0.0 (unspecified)"));
  EXPECT_EQ(requests_.load(), 0);
  response = fetch(server_.url("/to-credentials"), permissive());
  ASSERT_FALSE(response);
  EXPECT_THAT(response.error().message, HasSubstr("URLs with credentials are not fetched"));
  EXPECT_THAT(response.error().message, ::testing::Not(HasSubstr("secret")));
}

TEST_F(HttpClientTest, RedirectToAnotherHostIsRefusedWhenAsked) {
  FetchOptions options = permissive();
  options.total_timeout = std::chrono::milliseconds(300);
  options.same_host_redirects_only = true;
  Result<Response> response = fetch(server_.url("/to-metadata"), options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(response.error().message,
              HasSubstr("to \"http://169.254.169.254/latest/meta-data/\": it leaves the host "
                        "\"127.0.0.1\""));
  response = fetch(server_.url("/r/2"), options);
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->url, server_.url("/ok"));
}

TEST_F(HttpClientTest, CookiesAreNeverSentBack) {
  const Result<Response> response = fetch(server_.url("/set-cookie"), permissive());
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->status, 200);
  const std::lock_guard<std::mutex> lock(mutex_);
  EXPECT_EQ(cookie_, "");
}

TEST_F(HttpClientTest, ConnectionIsPinnedToTheCheckedAddress) {
  // The name does not exist in DNS: only the checked, pinned address can be connected to.
  FetchOptions options = permissive();
  int lookups = 0;
  options.resolver = [&lookups](const std::string& host) -> Result<std::vector<std::string>> {
    ++lookups;
    EXPECT_EQ(host, "vendor.invalid");
    return std::vector<std::string>{"127.0.0.1"};
  };
  const std::string url = "http://vendor.invalid:" + std::to_string(server_.port()) + "/ok";
  const Result<Response> response = fetch(url, options);
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->address, "127.0.0.1");
  EXPECT_EQ(lookups, 1);
  const std::lock_guard<std::mutex> lock(mutex_);
  EXPECT_EQ(host_, "vendor.invalid:" + std::to_string(server_.port()));
}

TEST_F(HttpClientTest, NameResolvingToAnyInternalAddressIsRefused) {
  FetchOptions options;
  options.allow_http = true;
  options.resolver = [](const std::string&) -> Result<std::vector<std::string>> {
    return std::vector<std::string>{"93.184.216.34", "169.254.169.254"};
  };
  const Result<Response> response = fetch("http://vendor.invalid/x", options);
  ASSERT_FALSE(response);
  EXPECT_THAT(response.error().message, HasSubstr("169.254.169.254 (link-local)"));
}

TEST_F(HttpClientTest, ResolutionFailureIsAnIoError) {
  FetchOptions options = permissive();
  options.resolver = [](const std::string& host) -> Result<std::vector<std::string>> {
    return fail(ErrorCode::kIo, "cannot resolve " + host);
  };
  const Result<Response> response = fetch("https://vendor.invalid/x", options);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kIo);
}

TEST_F(HttpClientTest, MappedAndNumericFormsOfLoopbackAreCaught) {
  FetchOptions options;
  options.allow_http = true;
  for (const std::string host : {"[::ffff:127.0.0.1]", "127.1", "2130706433", "[::1]"}) {
    const Result<Response> response =
        fetch("http://" + host + ":" + std::to_string(server_.port()) + "/ok", options);
    ASSERT_FALSE(response) << host;
    EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput) << host;
  }
  EXPECT_EQ(requests_.load(), 0);
}

TEST(HttpClientUrlTest, RedactsCredentialsQueryAndFragment) {
  EXPECT_EQ(redact_url("https://user:pw@example.com:8443/a/b?token=s3cret#frag"),
            "https://example.com:8443/a/b");
  EXPECT_EQ(redact_url("https://example.com"), "https://example.com");
  const Result<Response> response = fetch("https://user:pw@example.com/?token=s3cret", {});
  ASSERT_FALSE(response);
  EXPECT_THAT(response.error().message, ::testing::Not(HasSubstr("s3cret")));
  EXPECT_THAT(response.error().message, ::testing::Not(HasSubstr("pw@")));
}

TEST(HttpClientUrlTest, MalformedUrlIsInvalidInput) {
  const Result<Response> response = fetch("not a url", {});
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace assay::net
