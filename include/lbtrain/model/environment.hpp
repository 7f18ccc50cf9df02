#pragma once
/// The process environment as the command line hands it down: the stages below read no
/// environment variable themselves, they are given this lookup (settings, the log's default path).

#include <functional>

namespace lbtrain {

/// Looks up an environment variable; nullptr when it is not set.
using Environment = std::function<const char*(const char*)>;

}  // namespace lbtrain
