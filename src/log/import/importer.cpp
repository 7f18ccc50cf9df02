// `lbtrain log import FILE`: the export read row by row (log/export_reader.hpp) and every set,
// with the workouts' own notes, added in one transaction, so that a bad row, a failure or a kill
// leaves the log as it was (a new log is created only after a first reading of every row). A set
// already in the log (by its identity: day, session, name, number, count, load and unit) is
// counted, not added again.

#include "lbtrain/log.hpp"

#include "log/import/export_reader.hpp"
#include "log/log_csv.hpp"
#include "log/store.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/model/error.hpp"
#include "read/byte_source.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sys/stat.h>

namespace lbtrain {

namespace {

using namespace log;

/// Which programs the log has saved.
enum class Programs { none, past, current };

Programs programs_saved(Store& store) {
  SQLite::Statement q(database(store), "SELECT MAX(current) FROM programs");
  if (!q.executeStep() || q.getColumn(0).isNull()) return Programs::none;
  return q.getColumn(0).getInt() == 1 ? Programs::current : Programs::past;
}

/// What to do now: the history of the exercise the file holds most sets of, and the program's
/// next session (its first one starts from this history), or how to start one (which goal fits
/// is the lifter's call: `lbtrain goals` explains each; `lbtrain assess` asks, for a new user).
std::string next_step(const ReadTally& t, Programs programs) {
  auto most = std::max_element(t.mapped.begin(), t.mapped.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  std::string out = "Next: ";
  if (most != t.mapped.end()) out += fmt::format("'lbtrain history {}' shows it session by session; ", most->first);
  if (programs == Programs::current) return out + "'lbtrain next' gives your program's next session, with this history counted.\n";
  out += "'lbtrain goals' lists the goals, and 'lbtrain start --goal GOAL' plans from here.\n";
  if (programs == Programs::none) {
    out += "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n";
  }
  return out;
}

std::string import_summary(const ReadTally& t, std::size_t added, std::size_t present, std::size_t session_notes,
                   const std::string& file, const ImportFormat& format, Programs programs) {
  std::string out = fmt::format("Imported {} ({}): {} set{} added, {} already in the log.\n", file, format.name, added,
                                added == 1 ? "" : "s", present);
  std::vector<std::string> skips;
  auto skip = [&](ImportedRow::Kind kind, const char* one, const char* many) {
    auto it = t.skipped.find(kind);
    if (it != t.skipped.end()) skips.push_back(fmt::format("{} {}", it->second, it->second == 1 ? one : many));
  };
  skip(ImportedRow::Kind::rest_timer, "rest timer", "rest timers");
  skip(ImportedRow::Kind::note, "exercise note row (its note put on the exercise's sets)",
       "exercise note rows (each note put on its exercise's sets)");
  skip(ImportedRow::Kind::cardio, "cardio set (a distance and no load, or over 3 hours)",
       "cardio sets (a distance and no load, or over 3 hours)");
  skip(ImportedRow::Kind::carry, "loaded carry with a distance but no time or reps (the log holds no distance alone)",
       "loaded carries with a distance but no time or reps (the log holds no distance alone)");
  skip(ImportedRow::Kind::empty, "empty set (no reps and no time)", "empty sets (no reps and no time)");
  if (!t.bad_rows.empty()) {
    std::size_t n = t.bad_rows.size();
    skips.push_back(fmt::format("{} row{} that cannot be imported (each named in a warning)", n, n == 1 ? "" : "s"));
  }
  if (!skips.empty()) out += "Skipped: " + join(skips, ", ") + ".\n";
  if (!t.repaired.empty()) {
    std::vector<std::string> lines;
    for (auto line : t.repaired) lines.push_back(std::to_string(line));
    if (lines.size() > 10) {
      lines.resize(10);
      lines.push_back("...");
    }
    out += fmt::format("Mended {} row{} whose exercise name holds an unquoted comma, as {} writes it (line{} {}).\n",
                       t.repaired.size(), t.repaired.size() == 1 ? "" : "s", format.name,
                       t.repaired.size() == 1 ? "" : "s", join(lines, ", "));
  }
  if (t.warmups > 0) out += fmt::format("Warm-up sets kept, marked as warm-ups: {}.\n", t.warmups);
  if (session_notes > 0) {
    out += fmt::format("Workout notes kept on their session{} ('lbtrain log export --format json' lists them): {}.\n",
                       session_notes == 1 ? "" : "s", session_notes);
  }
  if (t.carries > 0) {
    out += fmt::format("Loaded carries kept (a load and a distance: core work, not cardio), the distance in the "
                       "note: {}.\n",
                       t.carries);
  }
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
  out += next_step(t, programs);
  return out;
}

/// What an import added.
struct Added {
  std::size_t sets = 0, present = 0, session_notes = 0;
};

/// Adds the workouts' notes the reader found to their sessions; how many were new.
std::size_t add_session_notes(const ReadTally& tally, Store& store, std::int64_t entry) {
  SQLite::Statement insert(database(store), "INSERT INTO session_notes (entry_id, date, session, note) VALUES (?, ?, ?, ?) "
                                       "ON CONFLICT DO NOTHING");
  std::size_t added = 0;
  for (const auto& n : tally.session_notes) {
    insert.reset();
    insert.bind(1, entry);
    insert.bindNoCopy(2, n.date);
    insert.bindNoCopy(3, n.session);
    insert.bindNoCopy(4, n.note);
    added += static_cast<std::size_t>(insert.exec());
  }
  return added;
}

/// Adds every set the reader reads, and the workouts' notes, under one new entry (removed again
/// when nothing was new).
Added add_sets(ExportReader& reader, Store& store) {
  Added added;
  std::int64_t entry = store.add_entry("import", fmt::format("import of {} ({})", reader.context().file_name,
                                                             reader.format().name));
  SetInserter inserter(store);
  reader.read([&](LoggedSet& set) { ++(inserter.insert(set, entry) ? added.sets : added.present); });
  added.session_notes = add_session_notes(reader.tally(), store, entry);
  if (added.sets == 0 && added.session_notes == 0) {
    SQLite::Statement remove(database(store), "DELETE FROM entries WHERE id = ?");
    remove.bind(1, entry);
    remove.exec();
  }
  return added;
}

}  // namespace

std::uintmax_t log::import_size_limit(const std::string& file) {
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
  // Its header now, or before the pain column (schema version 5).
  const auto& columns = log_csv_columns();
  const std::string before_pain = join(std::vector<std::string>(columns.begin(), columns.end() - 1), ",");
  return head == join(columns, ",") || head == before_pain ? std::numeric_limits<std::uintmax_t>::max() : apps;
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

/// A warning for each skipped row; past `most`, one line says how many more.
std::vector<std::string> skipped_warnings(const ReadTally& t, const std::string& origin) {
  constexpr std::size_t most = 100;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.bad_rows.size() && i < most; ++i) {
    out.push_back(t.bad_rows[i].text(origin) + "; the row was skipped");
  }
  if (t.bad_rows.size() > most) {
    out.push_back(fmt::format("{}: {} more rows were skipped (--strict lists every one, and imports nothing)", origin,
                              t.bad_rows.size() - most));
  }
  return out;
}

ImportResult import_log(const ImportOptions& options) {
  const auto& names = import_format_names();
  if (std::find(names.begin(), names.end(), options.from) == names.end()) {
    usage_error(unknown_value_message("--from", "format", options.from, names, names));
  }
  // The file is read row by row, never whole: memory follows the longest row, not the file.
  ByteSource source = ByteSource::from_file(options.file, import_size_limit(options.file));
  const std::string origin = single_line(options.file);
  if (!log_holds_data(options.db)) {
    // A log this import would create is created only once every row has been read: a failed
    // import then leaves nothing. A log file is never removed afterwards, as another lbtrain may
    // have opened it meanwhile and written to it (a `log` waiting for this import's lock).
    ExportReader(options, origin, source).read([](LoggedSet&) {});
    source.restart();
  }
  ExportReader reader(options, origin, source);
  Added counts;
  Store store = Store::open(options.db, Store::Access::write);
  // A large import keeps its index pages in memory instead of reading back what it spilled.
  with_database_errors(options.db, [&] { database(store).exec("PRAGMA cache_size = -65536"); });
  store.write([&] { counts = add_sets(reader, store); });
  Programs programs = Programs::none;
  with_database_errors(options.db, [&] { programs = programs_saved(store); });
  const std::string file_name = single_line(std::filesystem::path(options.file).filename().string());
  return {import_summary(reader.tally(), counts.sets, counts.present, counts.session_notes, file_name, reader.format(), programs),
          skipped_warnings(reader.tally(), single_line(options.file))};
}

}  // namespace lbtrain
