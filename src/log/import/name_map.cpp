#include "log/import/name_map.hpp"

#include "log/exercise_lookup.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "read/embedded.hpp"
#include "read/json_input.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <cctype>
#include <cstdint>

namespace lbtrain::log {

namespace {

const std::vector<std::string> known_apps{"strong", "hevy", "fitnotes"};

std::string string_at(const nlohmann::json& entry, const char* key, const std::string& where) {
  if (!entry.contains(key) || !entry[key].is_string() || entry[key].get<std::string>().empty()) {
    data_error(fmt::format("{}/{}: a non-empty string is required", where, key));
  }
  return entry[key].get<std::string>();
}

MappedName read_entry(const nlohmann::json& entry, const std::string& where, const Catalogue& catalogue) {
  if (!entry.is_object()) data_error(where + ": expected an object with name, id, apps, source and why");
  MappedName m;
  m.name = string_at(entry, "name", where);
  m.id = string_at(entry, "id", where);
  m.source = string_at(entry, "source", where);
  m.why = string_at(entry, "why", where);
  if (!catalogue.find(m.id) && !is_custom_id(m.id)) {
    data_error(fmt::format("{}/id: \"{}\" is not an exercise of the catalogue, nor a custom id (custom:name)", where,
                           m.id));
  }
  if (!entry.contains("apps") || !entry["apps"].is_array() || entry["apps"].empty()) {
    data_error(where + "/apps: a list of the apps that export this name is required");
  }
  for (const auto& app : entry["apps"]) {
    if (!app.is_string() || std::find(known_apps.begin(), known_apps.end(), app.get<std::string>()) == known_apps.end()) {
      data_error(fmt::format("{}/apps: allowed: strong, hevy, fitnotes", where));
    }
    m.apps.push_back(app.get<std::string>());
  }
  return m;
}

}  // namespace

std::vector<MappedName> parse_name_map(std::string_view text, const std::string& origin, const Catalogue& catalogue) {
  nlohmann::json json = parse_json(text, origin);
  if (!json.is_object() || json.value("format", "") != "lbtrain-log-names" || !json.contains("names") ||
      !json["names"].is_array()) {
    data_error(origin + ": expected {\"format\": \"lbtrain-log-names\", \"version\": 1, \"names\": [...]}");
  }
  std::vector<MappedName> map;
  std::unordered_map<std::string, std::string> keys;
  for (std::size_t i = 0; i < json["names"].size(); ++i) {
    std::string where = fmt::format("{}: /names/{}", origin, i);
    MappedName m = read_entry(json["names"][i], where, catalogue);
    auto [it, added] = keys.emplace(match_key(m.name), m.name);
    if (!added) data_error(fmt::format("{}/name: \"{}\" is mapped already (as \"{}\")", where, m.name, it->second));
    map.push_back(std::move(m));
  }
  return map;
}

const std::vector<MappedName>& builtin_name_map() {
  static const std::vector<MappedName> map =
      parse_name_map(embedded::import_log_names(), "builtin import/log-names.json", builtin_catalogue());
  return map;
}

std::string custom_id(std::string_view name) {
  // Letters and digits of ASCII, as an id is typed; a name with others (ü, 背, an emoji) or with
  // none gets a short hash of its bytes too, so that different names keep different ids.
  std::string key;
  bool other = false;
  for (char c : match_key(name)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80) key += c;
    else other = true;
  }
  while (key.find("--") != std::string::npos) key.erase(key.find("--"), 1);
  while (!key.empty() && key.back() == '-') key.pop_back();
  while (!key.empty() && key.front() == '-') key.erase(0, 1);
  if (other || key.empty()) {
    // 64 bits (FNV-1a): with 32, names such as "Жим лпвщ" and "Жим нзка" shared an id.
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    key += fmt::format("{}{:016x}", key.empty() ? "" : "-", hash);
  }
  return "custom:" + key;
}

bool is_kebab_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

bool is_custom_id(std::string_view id) { return id.substr(0, 7) == "custom:" && is_kebab_id(id.substr(7)); }

std::string words_key(std::string_view name) {
  std::vector<std::string> words;
  std::string key = match_key(name);
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t dash = key.find('-', start);
    std::string word = key.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    // One of many as one: "mornings", "planks", "crunches"; not "press" or "abs".
    auto ends = [&](std::string_view end) {
      return word.size() > end.size() + 2 && word.compare(word.size() - end.size(), end.size(), end) == 0;
    };
    if (ends("ches") || ends("shes") || ends("xes")) word.erase(word.size() - 2);
    else if (ends("s") && !ends("ss") && !ends("us")) word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : "-") + w;
  return out;
}

NameResolver::NameResolver(const std::vector<MappedName>& map, const Catalogue& catalogue) : catalogue_(catalogue) {
  for (const auto& m : map) mapped_.emplace(match_key(m.name), m.id);
  // The same names, their words in any order and any number: an id each key gives one way only.
  auto add = [&](std::string_view name, const std::string& id) {
    auto [it, added] = by_words_.emplace(words_key(name), id);
    if (!added && it->second != id) it->second.clear();  // two ids: ambiguous, not used
  };
  for (const auto& m : map) add(m.name, m.id);
  for (const auto& e : catalogue.exercises) {
    add(e.id, e.id);
    add(e.name, e.id);
    for (const auto& a : e.aliases) add(a, e.id);
  }
}

const Resolved& NameResolver::resolve(const std::string& name) {
  auto seen = seen_.find(name);
  if (seen != seen_.end()) return seen->second;
  Resolved r;
  auto mapped = mapped_.find(match_key(name));
  if (mapped != mapped_.end()) {
    r.id = mapped->second;
  } else if (auto found = exercises_matching(catalogue_, name); found.size() == 1) {
    r.id = found.front()->id;
  } else if (auto words = by_words_.find(words_key(name)); words != by_words_.end() && !words->second.empty()) {
    r.id = words->second;
  }
  r.exercise = r.id.empty() ? nullptr : catalogue_.find(r.id);
  if (r.id.empty()) r.id = custom_id(name);
  return seen_.emplace(name, std::move(r)).first->second;
}

}  // namespace lbtrain::log
