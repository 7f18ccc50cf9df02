#include "lbtrain/app.hpp"

#include "lbtrain/model/calendar.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/log.hpp"
#include "lbtrain/write.hpp"
#include "lbtrain/program.hpp"
#include "read/json_input.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/model/vocabulary.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace lbtrain {

namespace {

struct Definition {
  const char* key;
  std::string fallback;  ///< "" for days (the goal's default) and start_weekday (undated)
};

/// The defaults are the plan command's own (PlanOptions), written once.
const std::vector<Definition>& definitions() {
  static const std::vector<Definition> list = [] {
    const PlanOptions defaults;
    // unit and db belong to the training log (lbtrain log, history); db's default is worked out
    // from XDG_DATA_HOME when the settings are loaded.
    return std::vector<Definition>{{"equipment", defaults.equipment}, {"level", defaults.level}, {"days", ""},
                                   {"start_weekday", ""},             {"format", defaults.format}, {"color", defaults.color},
                                   {"unit", "kg"},                     {"db", ""},
                                   {"increment", ""},                  {"pager", ""}};
  }();
  return list;
}

/// Checks the values that need no exercise data; level and equipment are checked against the
/// vocabulary when a plan is made, naming the setting's origin.
void check_value(const Setting& s) {
  auto bad = [&](const std::vector<std::string>& allowed, const std::vector<std::string>& suggest) {
    usage_error(unknown_value_message(s.where, "value", s.value, suggest, allowed));
  };
  if (s.value.empty()) return;
  if (s.key == "color") {
    parse_color(s.value, s.where);
  } else if (s.key == "format") {
    parse_format(s.value, s.where);
  } else if (s.key == "start_weekday") {
    auto names = weekday_names();
    if (!parse_weekday(s.value)) bad(std::vector<std::string>(names.begin(), names.begin() + 7), names);
  } else if (s.key == "unit") {
    if (!parse_load_unit(s.value)) bad({"kg", "lb"}, {"kg", "lb"});
  } else if (s.key == "increment") {
    if (!parse_increment(s.value)) {
      usage_error(fmt::format("{}: \"{}\" is not a load step; give a number over 0 and up to 50 with a unit, such as "
                              "2.5kg or 5lb",
                              s.where, s.value));
    }
  } else if (s.key == "days") {
    bool digits = std::all_of(s.value.begin(), s.value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || s.value.size() > 1 || s.value < "1" || s.value > "7") bad({"1 to 7"}, {});
  }
}

void read_config(Settings& settings) {
  const std::string& path = settings.config_path;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  // Only a missing file means "no config"; a symlink loop or a directory on the way is an error.
  if (ec == std::errc::no_such_file_or_directory || (!ec && !std::filesystem::exists(status))) return;
  if (ec) data_error(fmt::format("cannot read '{}': {}", path, ec.message()));
  settings.config_found = true;
  nlohmann::json json = parse_json(read_data_file(path), path);
  if (!json.is_object()) {
    usage_error(fmt::format("{}: expected a JSON object of settings such as {{\"level\": \"beginner\"}}", path));
  }
  const auto& keys = setting_keys();
  for (const auto& [key, value] : json.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      usage_error(unknown_value_message(path, "setting", key, keys, keys));
    }
    Setting& s = settings.get(key);
    s.where = fmt::format("{}: {}", path, key);
    const std::string fallback = s.value;
    auto empty = [&path, &fallback, name = std::string(key)] {
      usage_error(fmt::format("{}: \"{}\" is empty; give a value, or remove the key for the default ({})", path, name,
                              fallback.empty() ? "none" : fallback));
    };
    if (value.is_string()) {
      s.value = value.get<std::string>();
      if (s.value.find_first_not_of(' ') == std::string::npos) empty();
    } else if (key == "days" && value.is_number_integer()) {
      s.value = std::to_string(value.get<long long>());
    } else if (key == "equipment" && value.is_array() &&
               std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
      std::vector<std::string> items;
      for (const auto& v : value) items.push_back(v.get<std::string>());
      if (items.empty() || std::any_of(items.begin(), items.end(), [](const std::string& item) {
            return item.find_first_not_of(' ') == std::string::npos;
          })) {
        empty();
      }
      s.value = join(items, ",");
    } else {
      usage_error(fmt::format("{}: \"{}\" must be {}, not {}", path, key,
                              key == "days" ? "a whole number" : key == "equipment" ? "a string or a list of strings" : "a string",
                              value.is_number_integer() ? std::string("a number out of range") : value.type_name()));
    }
    s.origin = "config";
    check_value(s);
  }
}

}  // namespace

const Setting& Settings::get(const std::string& key) const {
  auto it = std::find_if(items.begin(), items.end(), [&](const Setting& s) { return s.key == key; });
  if (it == items.end()) throw std::logic_error("no setting " + key);
  return *it;
}

Setting& Settings::get(const std::string& key) {
  return const_cast<Setting&>(static_cast<const Settings&>(*this).get(key));
}

const std::vector<std::string>& setting_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> list;
    for (const auto& d : definitions()) list.emplace_back(d.key);
    return list;
  }();
  return keys;
}

std::string environment_name(const std::string& key) {
  std::string name = "LBTRAIN_";
  for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::string config_path(const Environment& env) {
  const char* xdg = env("XDG_CONFIG_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/lbtrain/config.json";
  const char* home = env("HOME");
  return std::string(home && *home ? home : "") + "/.config/lbtrain/config.json";
}

Settings load_settings(const Environment& env) {
  Settings settings;
  settings.config_path = config_path(env);
  for (const auto& d : definitions()) {
    settings.items.push_back({d.key, d.fallback, "default", std::string("--") + d.key});
  }
  settings.get("start_weekday").where = "start_weekday";
  settings.get("db").value = default_log_path(env);
  read_config(settings);
  for (auto& s : settings.items) {
    std::string name = environment_name(s.key);
    const char* value = env(name.c_str());
    if (value == nullptr || *value == '\0') continue;
    s.value = value;
    s.origin = "environment";
    s.where = name;
    check_value(s);
  }
  return settings;
}

namespace {

/// The config file as a JSON object: an empty one when there is none yet.
nlohmann::json read_config_object(const std::string& path) {
  Settings current;
  current.config_path = path;
  for (const auto& d : definitions()) current.items.push_back({d.key, d.fallback, "default", std::string("--") + d.key});
  read_config(current);  // a config file that is bad already is named before anything is written
  if (!current.config_found) return nlohmann::json::object();
  return parse_json(read_data_file(path), path);
}

void write_config_object(const std::string& path, const nlohmann::json& json) {
  std::error_code ec;
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (!directory.empty() && !std::filesystem::exists(directory, ec)) {
    std::filesystem::create_directories(directory, ec);
    if (ec) output_error(fmt::format("cannot create '{}': {}", directory.string(), ec.message()));
  }
  write_file_atomically(path, json.dump(2) + "\n");
}

/// Level and equipment are words of the vocabulary (a plan checks them again against its own).
void check_vocabulary(const Setting& s) {
  const Vocabulary& vocabulary = builtin_vocabulary();
  if (s.key == "level") {
    if (std::find(vocabulary.levels.begin(), vocabulary.levels.end(), s.value) == vocabulary.levels.end()) {
      usage_error(unknown_value_message(s.where, "level", s.value, vocabulary.levels, vocabulary.levels));
    }
  } else if (s.key == "equipment") {
    std::vector<std::string> allowed = vocabulary.equipment;
    for (const auto& [name, items] : vocabulary.equipment_presets) allowed.push_back(name);
    if (std::find(allowed.begin(), allowed.end(), "none") == allowed.end()) allowed.push_back("none");
    std::string rest = s.value;
    for (std::size_t at = 0; at <= rest.size();) {
      std::size_t end = std::min(rest.find(',', at), rest.size());
      std::string item = rest.substr(at, end - at);
      if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
        usage_error(unknown_value_message(s.where, "equipment", item, allowed, allowed));
      }
      at = end + 1;
    }
  }
}

}  // namespace

std::string set_config_value(const Environment& env, const std::string& key, const std::string& value) {
  const auto& keys = setting_keys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    usage_error(unknown_value_message("config set", "setting", key, keys, keys));
  }
  Setting s{key, value, "config", fmt::format("config set {}", key)};
  if (value.find_first_not_of(' ') == std::string::npos) {
    usage_error(fmt::format("config set {}: give a value; 'lbtrain config unset {}' goes back to the default", key, key));
  }
  check_value(s);
  check_vocabulary(s);
  const std::string path = config_path(env);
  nlohmann::json json = read_config_object(path);
  if (key == "days") json[key] = std::stoi(value);
  else json[key] = value;
  write_config_object(path, json);
  return path;
}

bool unset_config_value(const Environment& env, const std::string& key) {
  const auto& keys = setting_keys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    usage_error(unknown_value_message("config unset", "setting", key, keys, keys));
  }
  const std::string path = config_path(env);
  nlohmann::json json = read_config_object(path);
  if (!json.contains(key)) return false;
  json.erase(key);
  write_config_object(path, json);
  return true;
}

}  // namespace lbtrain
