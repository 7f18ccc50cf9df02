#pragma once
#include <string_view>

namespace lbtrain {
/// The semantic version from CMake's project(VERSION ...).
std::string_view version();
}  // namespace lbtrain
