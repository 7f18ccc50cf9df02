#include "support/errors.hpp"

#include <catch2/catch.hpp>

namespace lbtrain::test {

std::string error_of(const std::function<void()>& action, ExitCode code) {
  try {
    action();
  } catch (const Error& e) {
    CHECK(e.code() == code);
    return e.what();
  }
  FAIL("no lbtrain::Error thrown");
  return {};
}

}  // namespace lbtrain::test
