#include "support/files.hpp"

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sys/stat.h>

namespace lbtrain::test {

int mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return static_cast<int>(info.st_mode & 0777);
}

std::string snapshot(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  if (S_ISDIR(info.st_mode)) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path)) names.insert(entry.path().filename().string());
    std::string listing;
    for (const auto& name : names) listing += (listing.empty() ? "" : "\n") + name;
    return listing;
  }
  return std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec) + "\n" + read_file(path);
}

}  // namespace lbtrain::test
