#pragma once
/// The message of an lbtrain::Error, for tests of what a refusal says.

#include "lbtrain/model/error.hpp"

#include <functional>
#include <string>

namespace lbtrain::test {

/// The message of the lbtrain::Error `action` throws; the test fails when it throws none or
/// the error's exit code is not `code`.
std::string error_of(const std::function<void()>& action, ExitCode code = ExitCode::data);

}  // namespace lbtrain::test
