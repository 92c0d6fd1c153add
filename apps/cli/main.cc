// The assay binary: one process for every command. Thin: all logic lives in the library.
#include <exception>
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  try {
    return assay::cli::run(argc, argv, std::cin, std::cout, std::cerr);
  } catch (const std::exception& error) {
    // Reaching here is a bug: errors cross module boundaries as Result, not exceptions.
    std::cerr << "assay: internal error: " << error.what() << "\n";
    return assay::cli::kExitInternal;
  }
}
