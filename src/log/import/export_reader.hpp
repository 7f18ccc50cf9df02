#pragma once
// Reading an export for `lbtrain log import`: its format told from the header (or --from), every
// row read and checked by that format's reader, names mapped to the catalogue and sets numbered
// per session and exercise. No database: the importer adds what this reads, and the fuzz target
// reads any bytes through it.

#include "lbtrain/log.hpp"

#include "log/import/csv_reader.hpp"
#include "log/import/import_format.hpp"
#include "log/import/name_map.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lbtrain::log {

/// A workout's own note, kept on its session (the date and session its sets have).
struct SessionNote {
  std::string date, session, note;
};

/// What reading an export found, for the import's report.
struct ReadTally {
  std::size_t rows = 0, warmups = 0, carries = 0;
  std::size_t noted = 0;  ///< sets given their exercise's note
  std::map<ImportedRow::Kind, std::size_t> skipped;
  std::vector<RowProblem> bad_rows;      ///< skipped: beyond a limit, or not a set
  std::vector<std::size_t> repaired;     ///< lines mended by the format's repair (FitNotes' commas)
  std::map<std::string, std::pair<std::string, std::size_t>> unmapped;  ///< name -> (custom id, sets)
  std::map<std::string, std::size_t> mapped;  ///< catalogue id -> sets (work sets, not warm-ups)
  /// The workouts' notes, once a session, in file order (of sessions with a set imported).
  std::vector<SessionNote> session_notes;
};

/// The most bytes `lbtrain log import` reads from `file`: 128 MB for an app's export (a decade of
/// training is under 40), no limit for lbtrain's own (told by its header).
std::uintmax_t import_size_limit(const std::string& file);

class ExportReader {
 public:
  /// Reads the header and chooses the format and its reader: a file lbtrain cannot read fails
  /// here (a data Error naming FILE:1 or a file with a header and no rows, or a usage Error for
  /// a missing --unit). `source` is read from its start, row by row, and must outlive the
  /// reader.
  ExportReader(const ImportOptions& options, std::string origin, ByteSource& source);
  /// The same on text in memory, which must outlive the reader.
  ExportReader(const ImportOptions& options, std::string origin, std::string_view text);
  ExportReader(const ExportReader&) = delete;  ///< it points into itself (the source of text)
  ExportReader& operator=(const ExportReader&) = delete;

  const ImportFormat& format() const { return *format_; }
  const ImportContext& context() const { return context_; }
  const ReadTally& tally() const { return tally_; }

  /// Calls `each` for every set, in file order. A row that cannot be imported is skipped and
  /// kept in the tally; with --strict, once the file is read, they are one data Error listing
  /// each. A row with more or fewer fields than the header (and none the format can mend) or a
  /// quote left open is a data Error naming its line.
  void read(const std::function<void(LoggedSet&)>& each);

 private:
  std::optional<ByteSource> owned_;  ///< the source of text given in memory
  ByteSource* source_;
  std::string origin_;
  std::string from_;
  bool strict_;
  std::string head_;  ///< the file's first bytes, to tell its encoding and delimiter
  char delimiter_;
  CsvReader csv_;
  ImportContext context_;
  std::vector<std::string_view> fields_;
  std::unique_ptr<Header> header_;
  const ImportFormat* format_ = nullptr;
  std::unique_ptr<RowReader> reader_;
  ReadTally tally_;
  /// date and session -> exercise name -> sets so far; the current session's map at hand.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> numbers_;
  std::unordered_map<std::string, int>* session_numbers_ = nullptr;
  std::string session_date_, session_name_;
  /// The current workout's sets, held until it ends so that an exercise's note (which Strong
  /// writes as a row of its own, before or after the sets) reaches every one of them.
  std::vector<LoggedSet> workout_;
  std::unordered_map<std::string, std::string> workout_notes_;  ///< exercise name -> note
  std::string workout_date_, workout_session_;

  ExportReader(const ImportOptions& options, std::string origin, std::optional<ByteSource> owned, ByteSource* source);
  void prepare(LoggedSet& set, NameResolver& names);
  void hold(LoggedSet&& set, const std::function<void(LoggedSet&)>& each);
  void flush(const std::function<void(LoggedSet&)>& each);
  void check_field_count();
  void check_field_lengths();
  void keep_session_note(ImportedRow& imported);
};

}  // namespace lbtrain::log
