// libFuzzer target: the notation of `lbtrain log` (words split on white space). It must return
// groups that hold together, or fail with a usage Error; anything else is a bug.
#include "log/notation.hpp"
#include "log/logged_set.hpp"

#include "lbtrain/model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  try {
    auto groups = lbtrain::log::parse_notation(words);
    if (groups.empty()) __builtin_trap();
    for (const auto& g : groups) {
      std::size_t n = g.counts.size();
      if (n == 0 || n > static_cast<std::size_t>(lbtrain::log::max_sets_per_group)) __builtin_trap();
      if (g.loads.size() > 1 && g.loads.size() != n) __builtin_trap();
      if (g.rir.size() > 1 && g.rir.size() != n) __builtin_trap();
      for (double r : g.rir) {
        if (r < 0 || r > lbtrain::log::max_rir) __builtin_trap();
      }
      for (double l : g.loads) {
        if (!(l >= 0)) __builtin_trap();
      }
    }
  } catch (const lbtrain::Error& e) {
    if (e.code() != lbtrain::ExitCode::usage) __builtin_trap();
  }
  return 0;
}
