// libFuzzer target: any bytes as a catalogue, in every format lbtrain reads (its own,
// free-exercise-db's, and both told apart automatically). It must fail with lbtrain::Error or
// succeed; anything else (a crash, a sanitizer report, another exception) is a bug.
// The catalogue reader tokenizes with RapidJSON; the same bytes through nlohmann's tokenizer
// must give the same values, or the same error in the same words.
#include "lbtrain/read.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/model/vocabulary.hpp"
#include "read/byte_source.hpp"
#include "read/json_events.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

/// Everything a tokenizer reported, in order, or the error it threw.
std::string events(std::string_view text, bool rapidjson) {
  std::string seen;
  lbtrain::JsonStreamHandler handler;
  handler.items_key = "exercises";
  handler.opened = [&](lbtrain::JsonTop top) { seen += "opened " + std::to_string(static_cast<int>(top)) + "\n"; };
  handler.items_opened = [&] { seen += "items\n"; };
  handler.member = [&](const std::string& key, nlohmann::json&& value) { seen += key + "=" + value.dump() + "\n"; };
  handler.item = [&](std::size_t index, nlohmann::json&& item, std::size_t begin, std::size_t end) {
    // A scalar element's place differs: nlohmann's lexer reads one byte past a number, so its
    // range began a byte late; RapidJSON's is the number's own.
    std::string where = item.is_structured() ? "@" + std::to_string(begin) + "-" + std::to_string(end) : "";
    seen += std::to_string(index) + where + "=" + item.dump() + "\n";
  };
  auto source = lbtrain::ByteSource::from_text(text, "fuzz.json");
  try {
    auto top = rapidjson ? lbtrain::stream_json(source, handler) : lbtrain::stream_json_nlohmann(source, handler);
    return seen + "top " + std::to_string(static_cast<int>(top));
  } catch (const lbtrain::JsonReadAgain&) {
    return events(text, false);  // as the catalogue reader does: all again, with nlohmann's parser
  } catch (const lbtrain::Error& e) {
    return std::string("error ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (events(text, true) != events(text, false)) __builtin_trap();  // the tokenizers disagree
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
