# Every third-party dependency, found once, from Debian's packages (scripts/install_deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(tl-expected 1.0 REQUIRED)          # tl::expected
find_package(fmt 9 REQUIRED)                    # fmt::fmt
find_package(spdlog 1.10 REQUIRED)              # spdlog::spdlog
find_package(nlohmann_json 3.11 REQUIRED)       # nlohmann_json::nlohmann_json
find_package(CLI11 2.1 REQUIRED)                # CLI11::CLI11

if(ASSAY_BUILD_TESTS OR ASSAY_BUILD_FUZZERS)
  find_package(GTest 1.12 REQUIRED)             # GTest::gtest GTest::gmock
  include(GoogleTest)
endif()
if(ASSAY_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)              # benchmark::benchmark
endif()

find_package(OpenSSL 3.0 REQUIRED)              # OpenSSL::Crypto OpenSSL::SSL
pkg_check_modules(GPGME REQUIRED IMPORTED_TARGET gpgme)          # PkgConfig::GPGME
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)              # PkgConfig::RE2 (linear-time regex)
find_package(CURL REQUIRED)                     # CURL::libcurl
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)  # PkgConfig::HTTPLIB (loopback test servers)
find_package(simdjson 3 REQUIRED)               # simdjson::simdjson
find_package(pugixml 1.13 REQUIRED)             # pugixml::pugixml
find_package(valijson REQUIRED)                 # valijson (JSON Schema draft-07; sets VALIJSON_USE_EXCEPTIONS=1)
find_package(LibXml2 2.9 REQUIRED)              # LibXml2::LibXml2 (XSD validation of CycloneDX XML)
find_package(LibArchive 3.6 REQUIRED)           # LibArchive::LibArchive
find_package(yaml-cpp REQUIRED)                 # yaml-cpp
find_package(SQLite3 REQUIRED)                  # SQLite::SQLite3
find_library(CSV_LIBRARY NAMES csv REQUIRED)      # libcsv (RFC 4180), Debian libcsv-dev
find_path(CSV_INCLUDE_DIR NAMES csv.h REQUIRED)
add_library(assay_libcsv INTERFACE)
target_link_libraries(assay_libcsv INTERFACE ${CSV_LIBRARY})
target_include_directories(assay_libcsv SYSTEM INTERFACE ${CSV_INCLUDE_DIR})
find_package(zstd REQUIRED)                     # zstd::libzstd_shared
