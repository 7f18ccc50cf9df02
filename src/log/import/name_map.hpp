#pragma once
// How the apps' exercise names become catalogue ids: the mapping in data/import/log-names.json
// first, then the catalogue's own ids, names and aliases; a name neither knows keeps its sets
// under a custom id ("custom:bench-press-barbell") so nothing imported is dropped.

#include "lbtrain/model/catalogue.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lbtrain::log {

/// One name of the mapping file.
struct MappedName {
  std::string name;  ///< as the app exports it: "Deadlift (Barbell)"
  std::string id;    ///< the catalogue id
  std::vector<std::string> apps;
  std::string source;
  std::string why;
};

/// Parses a mapping file (data/import/log-names.json); a data Error naming the file, pointer
/// and problem, including an id the catalogue does not have.
std::vector<MappedName> parse_name_map(std::string_view text, const std::string& origin, const Catalogue& catalogue);

/// The built-in mapping, parsed once.
const std::vector<MappedName>& builtin_name_map();

/// What an imported name became.
struct Resolved {
  const Exercise* exercise = nullptr;  ///< nullptr: a custom id
  std::string id;
};

/// Resolves names against a mapping and a catalogue, remembering each name it has seen: the
/// mapping, then the catalogue's ids, names and aliases, then either of them with the words in
/// another order or number ("Back Extensions", "Barbell Hip Thrust"); an id of the mapping may
/// be a custom one (an exercise the catalogue does not have, kept apart from its neighbours).
class NameResolver {
 public:
  NameResolver(const std::vector<MappedName>& map, const Catalogue& catalogue);
  const Resolved& resolve(const std::string& name);

 private:
  const Catalogue& catalogue_;
  std::unordered_map<std::string, std::string> mapped_;    ///< match_key(name) -> id
  std::unordered_map<std::string, std::string> by_words_;  ///< words_key(name) -> id, "" when two
  std::unordered_map<std::string, Resolved> seen_;
};

/// A name's words, each singular and in alphabetical order: "Barbell Hip Thrust" and "Hip
/// Thrust (Barbell)" give "barbell-hip-thrust", "Good Mornings" gives "good-morning".
std::string words_key(std::string_view name);

/// The id of sets whose name maps to no exercise: "custom:" and the name's ASCII letters and
/// digits joined by '-' ("custom:cable-crunch"), with a hash of the name when it has other
/// letters or none.
std::string custom_id(std::string_view name);

/// Whether `id` is written as catalogue ids are: lowercase ASCII letters and digits, single '-'
/// between ("back-extension").
bool is_kebab_id(std::string_view id);

/// Whether `id` is one custom_id can make: "custom:" and a kebab id.
bool is_custom_id(std::string_view id);

}  // namespace lbtrain::log
