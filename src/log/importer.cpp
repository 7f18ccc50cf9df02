// `lbtrain log import FILE`: the export read (log/export_reader.hpp) and every set added in one
// transaction, so that a bad row, a failure or a kill leaves the log as it was (a new log is
// created only after a first reading of every row). A set already in the log (by its identity:
// day, session, name, number, count, load and unit) is counted, not added again.

#include "lbtrain/log.hpp"

#include "log/export_reader.hpp"
#include "log/log_csv.hpp"
#include "log/store.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/error.hpp"
#include "read/byte_source.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sys/stat.h>

namespace lbtrain {

namespace {

using namespace logbook;

std::string report(const ReadTally& t, std::size_t added, std::size_t present, const std::string& file,
                   const ImportFormat& format) {
  std::string out = fmt::format("Imported {} ({}): {} set{} added, {} already in the log.\n", file, format.name, added,
                                added == 1 ? "" : "s", present);
  std::vector<std::string> skips;
  auto skip = [&](ImportedRow::Kind kind, const char* one, const char* many) {
    auto it = t.skipped.find(kind);
    if (it != t.skipped.end()) skips.push_back(fmt::format("{} {}", it->second, it->second == 1 ? one : many));
  };
  skip(ImportedRow::Kind::rest_timer, "rest timer", "rest timers");
  skip(ImportedRow::Kind::cardio, "cardio set (a distance, or over an hour)", "cardio sets (a distance, or over an hour)");
  skip(ImportedRow::Kind::empty, "empty set (no reps and no time)", "empty sets (no reps and no time)");
  if (!skips.empty()) out += "Skipped: " + join(skips, ", ") + ".\n";
  if (t.warmups > 0) out += fmt::format("Warm-up sets kept, marked as warm-ups: {}.\n", t.warmups);
  if (!t.unmapped.empty()) {
    std::size_t sets = 0;
    for (const auto& [name, u] : t.unmapped) sets += u.second;
    out += fmt::format("Not in the catalogue, kept under custom ids ({} name{}, {} set{}):\n", t.unmapped.size(),
                       t.unmapped.size() == 1 ? "" : "s", sets, sets == 1 ? "" : "s");
    for (const auto& [name, u] : t.unmapped) {
      out += fmt::format("  {} {:>6} set{}  {}\n", layout::pad(layout::truncate("\"" + single_line(name) + "\"", 36), 36),
                         u.second, u.second == 1 ? " " : "s", layout::truncate(single_line(u.first), 30));
    }
  }
  return out;
}

/// Adds every set the reader reads under one new entry (removed again when nothing was new).
std::pair<std::size_t, std::size_t> add_sets(ExportReader& reader, Store& store) {
  std::size_t added = 0, present = 0;
  std::int64_t entry = store.add_entry("import", fmt::format("import of {} ({})", reader.context().file_name,
                                                             reader.format().name));
  SetInserter inserter(store);
  reader.read([&](LoggedSet& set) { ++(inserter.insert(set, entry) ? added : present); });
  if (added == 0) {
    SQLite::Statement remove(store.db(), "DELETE FROM entries WHERE id = ?");
    remove.bind(1, entry);
    remove.exec();
  }
  return {added, present};
}

}  // namespace

std::uintmax_t logbook::import_size_limit(const std::string& file) {
  // A decade of daily training exported by Strong is under 40 MB; 128 MB refuses /dev/zero or a
  // wrong file quickly, in little memory. lbtrain's own export has no such limit: a log of
  // 1.1 million sets exports to 142 MB, and must read back. Only a regular file is looked at
  // first (reading the start of a pipe would lose it).
  constexpr std::uintmax_t apps = std::uintmax_t{128} << 20;
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return apps;
  std::ifstream in(file, std::ios::binary);
  char buffer[512];
  in.read(buffer, sizeof buffer);
  std::string_view head(buffer, static_cast<std::size_t>(in.gcount()));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = head.substr(0, head.find_first_of("\r\n"));
  return head == join(log_csv_columns(), ",") ? std::numeric_limits<std::uintmax_t>::max() : apps;
}

namespace {

/// False for a log that does not exist yet or is an empty file (one that a failed import would
/// have to create).
bool log_holds_data(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return !ec && size > 0;
}

}  // namespace

const std::vector<std::string>& import_format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list{"auto"};
    for (const auto& f : import_formats()) list.push_back(f.id);
    return list;
  }();
  return names;
}

std::string import_log(const ImportOptions& options) {
  const auto& names = import_format_names();
  if (std::find(names.begin(), names.end(), options.from) == names.end()) {
    usage_error(unknown_value_message("--from", "format", options.from, names, names));
  }
  std::string text = read_data_file(options.file, import_size_limit(options.file));
  ExportReader reader(options, single_line(options.file), text);
  if (!log_holds_data(options.db)) {
    // A log this import would create is created only once every row has been read: a failed
    // import then leaves nothing. A log file is never removed afterwards, as another lbtrain may
    // have opened it meanwhile and written to it (a `log` waiting for this import's lock).
    ExportReader(options, single_line(options.file), text).read([](LoggedSet&) {});
  }
  std::pair<std::size_t, std::size_t> counts;
  Store store = Store::open(options.db, Store::Access::write);
  // A large import keeps its index pages in memory instead of reading back what it spilled.
  with_database_errors(options.db, [&] { store.db().exec("PRAGMA cache_size = -65536"); });
  store.write([&] { counts = add_sets(reader, store); });
  return report(reader.tally(), counts.first, counts.second,
                single_line(std::filesystem::path(options.file).filename().string()), reader.format());
}

}  // namespace lbtrain
