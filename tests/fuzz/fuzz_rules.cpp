// libFuzzer target: any bytes as a rules file, alone and layered over the built-in rules, then
// checked against the built-in catalogue. It must fail with lbtrain::Error or succeed.
#include "lbtrain/read.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/model/rules.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const lbtrain::Rules* base : {static_cast<const lbtrain::Rules*>(nullptr), &lbtrain::builtin_rules()}) {
    try {
      auto rules = lbtrain::parse_rules(text, "fuzz.json", lbtrain::builtin_vocabulary(), base);
      (void)lbtrain::unresolved_references(rules, lbtrain::builtin_catalogue());
    } catch (const lbtrain::Error&) {
    }
  }
  return 0;
}
