#pragma once
/// Files as the tests look at them: their mode, and whether they were left as they were.

#include <string>

namespace lbtrain::test {

/// The permission bits of `path` (0600); the test stops when it cannot be read.
int mode_of(const std::string& path);

/// A file's modification time (to the nanosecond) and bytes, or a folder's entry names: "left as
/// it was" means the same snapshot before and after.
std::string snapshot(const std::string& path);

}  // namespace lbtrain::test
