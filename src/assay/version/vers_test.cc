// Placeholder; TODO(#2): tests.
#include <gtest/gtest.h>
