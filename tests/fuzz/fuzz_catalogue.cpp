// libFuzzer target: any bytes as a catalogue, in every format lbtrain reads (its own,
// free-exercise-db's, and both told apart automatically). It must fail with lbtrain::Error or
// succeed; anything else (a crash, a sanitizer report, another exception) is a bug.
#include "lbtrain/data_set.hpp"
#include "lbtrain/catalogue.hpp"
#include "lbtrain/error.hpp"
#include "lbtrain/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto format : {lbtrain::CatalogueFormat::automatic, lbtrain::CatalogueFormat::lbtrain,
                      lbtrain::CatalogueFormat::free_exercise_db}) {
    try {
      auto catalogue = lbtrain::parse_catalogue(text, "fuzz.json", lbtrain::builtin_vocabulary(), format);
      for (const auto& e : catalogue.exercises) {
        if (e.id.empty() || e.cues.empty()) __builtin_trap();  // a valid catalogue never has these
      }
    } catch (const lbtrain::Error&) {
    }
  }
  return 0;
}
