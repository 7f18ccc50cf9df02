#include "log/import/export_languages.hpp"

#include "lbtrain/model/error.hpp"
#include "read/embedded.hpp"
#include "read/json_input.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::log {

namespace {

/// The columns of Strong's export lbtrain knows, in English.
const std::vector<std::string> strong_english{"Date",    "Workout Name",  "Duration", "Exercise Name",   "Set Order",
                                              "Weight",  "Reps",          "Distance", "Seconds",         "Notes",
                                              "Workout Notes", "RPE",     "Weight Unit", "Distance Unit",
                                              "Workout Duration"};

void require_source(const nlohmann::json& part, const std::string& where) {
  if (!part.is_object() || !part.contains("source") || !part["source"].is_string() ||
      part["source"].get<std::string>().empty() || !part.contains("seen") || !part["seen"].is_array()) {
    data_error(where + ": an object with a source (where its names come from) and seen (those read in a real export)");
  }
}

void read_strong(const nlohmann::json& strong, const std::string& where, ExportLanguages& out) {
  require_source(strong, where);
  if (!strong.contains("columns") || !strong["columns"].is_object()) data_error(where + "/columns: an object is required");
  for (const auto& [english, local] : strong["columns"].items()) {
    if (std::find(strong_english.begin(), strong_english.end(), english) == strong_english.end()) {
      data_error(fmt::format("{}/columns: \"{}\" is not a column of Strong's export", where, english));
    }
    if (!local.is_string() || local.get<std::string>().empty()) {
      data_error(fmt::format("{}/columns/{}: a non-empty string is required", where, english));
    }
    auto [it, added] = out.strong_columns.emplace(language_key(local.get<std::string>()), english);
    if (!added && it->second != english) {
      data_error(fmt::format("{}/columns/{}: \"{}\" stands for \"{}\" already", where, english, local.get<std::string>(),
                             it->second));
    }
  }
}

void read_months(const nlohmann::json& hevy, const std::string& where, ExportLanguages& out) {
  require_source(hevy, where);
  const auto& months = hevy.value("months", nlohmann::json());
  if (!months.is_array() || months.size() != 12) data_error(where + "/months: twelve lists of names are required");
  for (std::size_t m = 0; m < 12; ++m) {
    if (!months[m].is_array() || months[m].empty()) data_error(fmt::format("{}/months/{}: a list of names", where, m));
    for (const auto& name : months[m]) {
      if (!name.is_string() || name.get<std::string>().empty()) {
        data_error(fmt::format("{}/months/{}: names are non-empty strings", where, m));
      }
      auto [it, added] = out.months.emplace(language_key(name.get<std::string>()), static_cast<int>(m) + 1);
      if (!added && it->second != static_cast<int>(m) + 1) {
        data_error(fmt::format("{}/months/{}: \"{}\" is month {} already", where, m, name.get<std::string>(), it->second));
      }
    }
  }
}

}  // namespace

std::string language_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 3) == "\xE2\x80\x99") {  // ’
      key += '\'';
      i += 2;
      continue;
    }
    char c = name[i];
    key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (key.size() > 1 && key.back() == '.') key.pop_back();
  return key;
}

ExportLanguages parse_export_languages(std::string_view text, const std::string& origin) {
  nlohmann::json json = parse_json(text, origin);
  if (!json.is_object() || json.value("format", "") != "lbtrain-export-languages" || !json.contains("languages") ||
      !json["languages"].is_array()) {
    data_error(origin + ": expected {\"format\": \"lbtrain-export-languages\", \"version\": 1, \"languages\": [...]}");
  }
  ExportLanguages out;
  for (std::size_t i = 0; i < json["languages"].size(); ++i) {
    const auto& language = json["languages"][i];
    std::string where = fmt::format("{}: /languages/{}", origin, i);
    if (!language.is_object() || !language.contains("code") || !language["code"].is_string()) {
      data_error(where + ": an object with code, name, strong and hevy is required");
    }
    out.codes.push_back(language["code"].get<std::string>());
    read_strong(language.value("strong", nlohmann::json()), where + "/strong", out);
    read_months(language.value("hevy", nlohmann::json()), where + "/hevy", out);
  }
  return out;
}

const ExportLanguages& builtin_export_languages() {
  static const ExportLanguages table =
      parse_export_languages(embedded::import_export_languages(), "builtin import/export-languages.json");
  return table;
}

std::string english_column(std::string_view name) {
  const auto& columns = builtin_export_languages().strong_columns;
  auto it = columns.find(language_key(name));
  return it == columns.end() ? std::string(name) : it->second;
}

std::optional<int> month_number(std::string_view name) {
  const auto& months = builtin_export_languages().months;
  auto it = months.find(language_key(name));
  if (it == months.end()) return std::nullopt;
  return it->second;
}

}  // namespace lbtrain::log
