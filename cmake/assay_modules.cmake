# Helpers that keep each module's CMakeLists.txt to a few lines:
#   assay_add_module(<name> SOURCES ... DEPS ...)   -> library assay_<name>, alias assay::<name>
#   assay_add_tests(<name> SOURCES ... DEPS ...)    -> assay_<name>_tests, one ctest entry per TEST
#   assay_add_fuzzer(<name> SOURCES ... DEPS ...)   -> fuzz_<name>; ctest replays fuzz/corpus/<name>
#   assay_add_bench(<name> SOURCES ... DEPS ...)    -> bench_<name>; ctest smoke-runs it

# Warnings live on an interface target, never in global flags.
add_library(assay_warnings INTERFACE)
target_compile_options(assay_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough -Wcast-qual -Wformat=2)
if(ASSAY_WERROR)
  target_compile_options(assay_warnings INTERFACE -Werror)
endif()

# Sanitizers must cover every object, third-party headers included.
if(ASSAY_SANITIZE)
  add_compile_options(-fsanitize=${ASSAY_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${ASSAY_SANITIZE})
endif()

# libFuzzer needs coverage feedback from the library too, not only from the fuzzer's own file.
if(ASSAY_FUZZ_ENGINE STREQUAL "libfuzzer")
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

set(ASSAY_SOURCE_ROOT "${PROJECT_SOURCE_DIR}")

function(assay_add_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(assay_${name} STATIC ${ARG_SOURCES})
  add_library(assay::${name} ALIAS assay_${name})
  target_include_directories(assay_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(assay_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} assay_warnings)
endfunction()

function(assay_add_tests name)
  if(NOT ASSAY_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  set(target assay_${name}_tests)
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_DEPS} assay::testing GTest::gmock GTest::gtest
                        assay_warnings)
  # Test names carry the module ("purl.PurlParseTest.RejectsMissingScheme") so that
  # `ctest -R '^purl\.'` selects a module; gtest_discover_tests cannot attach a list of labels.
  gtest_discover_tests(${target}
    TEST_PREFIX "${name}."
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    DISCOVERY_MODE PRE_TEST
    DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS "unit")
endfunction()

function(assay_add_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  set(target fuzz_${name})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_DEPS} assay_warnings)
  add_dependencies(assay_fuzzers ${target})
  if(ASSAY_FUZZ_ENGINE STREQUAL "libfuzzer")
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  else()
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc")
    add_test(NAME fuzz_replay.${name}
             COMMAND ${target} "${PROJECT_SOURCE_DIR}/fuzz/corpus/${name}")
    set_tests_properties(fuzz_replay.${name} PROPERTIES LABELS "fuzz")
  endif()
endfunction()

function(assay_add_bench name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  set(target bench_${name})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_DEPS} benchmark::benchmark assay_warnings)
  add_test(NAME bench_smoke.${name} COMMAND ${target} --benchmark_min_time=0.01)
  set_tests_properties(bench_smoke.${name} PROPERTIES LABELS "bench"
                       WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
endfunction()
