#include "log/exercise_lookup.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lbtrain::log {

std::string match_key(std::string_view name) {
  std::string key;
  bool gap = false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      if (gap && !key.empty()) key += '-';
      key += static_cast<char>(std::tolower(u));
      gap = false;
    } else {
      gap = true;
    }
  }
  return key;
}

std::vector<const Exercise*> exercises_matching(const Catalogue& catalogue, std::string_view name) {
  std::string key = match_key(name);
  std::vector<const Exercise*> found;
  if (key.empty()) return found;
  for (const auto& e : catalogue.exercises) {
    bool match = match_key(e.id) == key || match_key(e.name) == key ||
                 std::any_of(e.aliases.begin(), e.aliases.end(), [&](const auto& a) { return match_key(a) == key; });
    if (match) found.push_back(&e);
  }
  // An exact id wins over an alias that another exercise shares.
  auto by_id = std::find_if(found.begin(), found.end(), [&](const Exercise* e) { return match_key(e->id) == key; });
  if (by_id != found.end()) return {*by_id};
  return found;
}

const Exercise& find_exercise(const Catalogue& catalogue, const std::string& name) {
  auto found = exercises_matching(catalogue, name);
  if (found.size() == 1) return *found.front();
  std::string shown = single_line(name);
  if (found.size() > 1) {
    std::vector<std::string> ids;
    for (const auto* e : found) ids.push_back(e->id);
    usage_error(fmt::format("\"{}\" names more than one exercise: {}; give the id", shown, join(ids, ", ")));
  }
  std::vector<std::string> words;
  for (const auto& e : catalogue.exercises) {
    words.push_back(e.id);
    words.push_back(e.name);
    words.insert(words.end(), e.aliases.begin(), e.aliases.end());
  }
  std::string hint = did_you_mean(name, words);
  usage_error(fmt::format("unknown exercise \"{}\"{}{}'lbtrain exercises' lists them (give an id, an alias or the name)",
                          shown, hint, hint.empty() ? "; " : " "));
}

}  // namespace lbtrain::log
