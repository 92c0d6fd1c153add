// Test support (not part of the library): a cpp-httplib server on 127.0.0.1 and an ephemeral port,
// run in a thread for the lifetime of the object. Used by the net and end-to-end tests.
#ifndef ASSAY_NET_TEST_SERVER_H_
#define ASSAY_NET_TEST_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace assay::net::testing {

class LoopbackServer {
 public:
  LoopbackServer() = default;
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() { stop(); }

  // Register routes on server() first, then start(). Returns false if it could not listen.
  bool start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) {
      return false;
    }
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int attempt = 0; attempt < 500 && !server_.is_running(); ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return server_.is_running();
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  httplib::Server& server() { return server_; }
  int port() const { return port_; }
  // "http://127.0.0.1:<port><path>"
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace assay::net::testing

#endif  // ASSAY_NET_TEST_SERVER_H_
