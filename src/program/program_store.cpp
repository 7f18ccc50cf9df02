#include "program/program_store.hpp"

#include "lbtrain/model/error.hpp"
#include "log/programs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace lbtrain::program {

using nlohmann::json;

namespace {

/// The data files the options read ("builtin" is none).
std::vector<std::string> data_files(const PlanOptions& o) {
  std::vector<std::string> files;
  for (const auto* list : {&o.catalogues, &o.rules}) {
    for (const auto& path : *list) {
      if (path != "builtin") files.push_back(path);
    }
  }
  return files;
}

/// A file's content as 64-bit FNV-1a in hex, or "" when it cannot be read.
std::string content_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::uint64_t h = 14695981039346656037ULL;
  for (std::istreambuf_iterator<char> it(in), end; it != end; ++it) {
    h = (h ^ static_cast<unsigned char>(*it)) * 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace

void make_paths_absolute(PlanOptions& o) {
  for (auto* list : {&o.catalogues, &o.rules}) {
    for (auto& path : *list) {
      std::error_code ec;
      if (path == "builtin") continue;
      auto absolute = std::filesystem::absolute(path, ec);
      if (!ec) path = absolute.lexically_normal().string();
    }
  }
}

std::string options_json(const PlanOptions& o) {
  json j;
  j["goals"] = o.goals;
  j["weeks"] = o.weeks;
  if (o.days) j["days"] = *o.days;
  j["level"] = o.level;
  j["equipment"] = o.equipment;
  j["catalogues"] = o.catalogues;
  j["catalogue_format"] = o.catalogue_format;
  j["rules"] = o.rules;
  j["flags"] = o.flags;
  j["choices"] = o.choices;
  j["exclude"] = o.exclude;
  if (o.start) j["start"] = *o.start;
  if (o.on) j["on"] = *o.on;
  if (o.at) j["at"] = *o.at;
  json hashes = json::object();
  for (const auto& path : data_files(o)) hashes[path] = content_hash(path);
  j["file_hashes"] = hashes;
  return j.dump();
}

PlanOptions options_from_json(const std::string& text, const std::string& db) {
  PlanOptions o;
  try {
    json j = json::parse(text);
    o.goals = j.at("goals").get<std::vector<std::string>>();
    o.weeks = j.at("weeks").get<std::string>();
    if (j.contains("days")) o.days = j["days"].get<std::string>();
    o.level = j.at("level").get<std::string>();
    o.equipment = j.at("equipment").get<std::string>();
    o.catalogues = j.at("catalogues").get<std::vector<std::string>>();
    o.catalogue_format = j.at("catalogue_format").get<std::string>();
    o.rules = j.at("rules").get<std::vector<std::string>>();
    o.flags = j.at("flags").get<std::vector<std::string>>();
    o.choices = j.at("choices").get<std::map<std::string, std::string>>();
    o.exclude = j.at("exclude").get<std::vector<std::string>>();
    if (j.contains("start")) o.start = j["start"].get<std::string>();
    if (j.contains("on")) o.on = j["on"].get<std::string>();
    if (j.contains("at")) o.at = j["at"].get<std::string>();
  } catch (const json::exception& e) {
    data_error(fmt::format("the training log \"{}\" holds a saved program lbtrain cannot read ({}); start a new one "
                           "with lbtrain start --force",
                           db, e.what()));
  }
  // Errors about these values name the saved program, not an option the user did not give.
  for (const char* key : {"goal", "weeks", "days", "level", "equipment", "start", "on", "at", "exclude"}) {
    o.where[key] = fmt::format("the saved program's {}", key);
  }
  return o;
}

std::optional<StoredProgram> current_program(log::Store& store) {
  if (!store.exists()) return std::nullopt;
  std::optional<StoredProgram> found;
  log::with_database_errors(store.path(), [&] {
    auto row = log::current_program_row(store);
    if (!row) return;
    StoredProgram p;
    p.id = row->id;
    p.created_at = row->created_at;
    p.start = row->start;
    const std::string& request = row->request;
    p.options = options_from_json(request, store.path());
    p.options.start = p.start;
    // A program saved before file_hashes was kept has none to compare.
    json hashes = json::parse(request).value("file_hashes", json::object());
    for (const auto& path : data_files(p.options)) {
      if (hashes.contains(path) && hashes[path].is_string() && hashes[path].get<std::string>() != content_hash(path)) {
        p.changed_files.push_back(path);
      }
    }
    found = std::move(p);
  });
  return found;
}

void save_program(log::Store& store, const PlanOptions& options) {
  log::save_program_row(store, options.start.value_or(""), options_json(options));
}

}  // namespace lbtrain::program
