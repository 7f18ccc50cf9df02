#pragma once
// The export formats `lbtrain log import` reads, one reader per app (import_strong.cpp,
// import_hevy.cpp, import_fitnotes.cpp, import_lbtrain.cpp), told apart by their header, and
// the checks they share. A reader turns one CSV row into one set, or says why the row holds no
// set (a rest timer, cardio, nothing done); a bad value is a RowProblem naming the line, the
// column, the value and what is allowed, which the import lists and skips (or, with --strict,
// refuses the file for).

#include "lbtrain/log.hpp"

#include <initializer_list>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain::log {

/// The columns of an export's header, by name: as written, or (for an app set to another
/// language) by the English name data/import/export-languages.json gives them.
class Header {
 public:
  explicit Header(const std::vector<std::string_view>& fields);
  /// The index of the first of `names` the header has as written; failing that, the first of
  /// them a column stands for in another language; or -1.
  int find(std::initializer_list<std::string_view> names) const;
  bool has(std::string_view name) const { return find({name}) >= 0; }
  const std::vector<std::string>& names() const { return names_; }
  /// A column's English name (its name as written when the table does not know it).
  const std::string& english(std::size_t column) const {
    return english_[column].empty() ? names_[column] : english_[column];
  }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> english_;  ///< "" when the name is not another language's
};

/// A row that cannot be imported as a set: where it is and why.
struct RowProblem {
  std::size_t line = 0;
  std::string column;  ///< the header's name, "" for the row as a whole
  std::string value;
  std::string why;     ///< "877777 reps is more than 1000, the most a set can have"
  /// "FILE:7: column "Reps": "877777": 877777 reps is more than 1000, the most a set can have"
  std::string text(const std::string& origin) const;
};

/// What Row::fail throws; the export reader catches it and skips the row.
struct BadRow : std::exception {
  explicit BadRow(RowProblem p) : problem(std::move(p)) {}
  const char* what() const noexcept override { return "a row that cannot be imported"; }
  RowProblem problem;
};

/// One row's fields and the checks every reader makes on them.
class Row {
 public:
  Row(const std::vector<std::string_view>& fields, const Header& header, std::size_t line, bool decimal_comma);
  /// The field, "" when the row is short or the column is missing (-1).
  std::string_view text(int column) const;
  /// A number ("22.5"; "22,5" in a file separated by semicolons); nullopt when empty.
  std::optional<double> number(int column) const;
  /// A whole number ("5" or "5.0"); nullopt when empty.
  std::optional<long long> whole(int column) const;
  /// Throws BadRow naming the column, its value and `why`.
  [[noreturn]] void fail(int column, const std::string& why) const;
  [[noreturn]] void fail(const std::string& why) const;
  std::size_t line() const { return line_; }
  /// The header's name of a column ("?" for none).
  std::string column_name(int column) const;

 private:
  const std::vector<std::string_view>& fields_;
  const Header& header_;
  std::size_t line_;
  bool decimal_comma_;
};

/// What one row of an export holds.
struct ImportedRow {
  /// note: an exercise's note in a workout (Strong's "Note" rows), in set.note, for the sets of
  /// set.exercise in set.date and set.session.
  /// carry: a loaded carry with a distance and neither reps nor a time, which the log cannot
  /// hold as a set.
  enum class Kind { set, rest_timer, cardio, empty, note, carry };
  ImportedRow() { set.set_number = 0; }
  Kind kind = Kind::set;
  bool carry = false;  ///< a set that is a loaded carry (its distance in its note)
  /// The workout's own note (Strong's "Workout Notes", Hevy's "description"), which the app
  /// repeats on every row of the workout; "" when none. Kept on the session, not on the set.
  std::string session_note;
  /// exercise: the app's name; exercise_id only from lbtrain's own export; set_number 0: the
  /// importer numbers the sets of each session and exercise in file order.
  LoggedSet set;
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  virtual ImportedRow read(const Row& row) = 0;
};

/// What a reader knows of the file it reads.
struct ImportContext {
  std::string origin;             ///< the file as messages name it
  std::string file_name;          ///< the file's name, as imported sets record their source
  std::optional<LoadUnit> unit;   ///< --unit
};

/// Refuses a --unit that contradicts the unit the file's column `column` states (a usage
/// Error: the option was most likely meant for another file).
void check_unit_option(const ImportContext& context, LoadUnit stated, const std::string& column);
/// The same for a unit written on a row, in `column` (a usage Error naming the file and line).
void check_unit_option(const ImportContext& context, LoadUnit stated, const Row& row, int column);

/// An export format lbtrain reads.
struct ImportFormat {
  std::string id;                    ///< strong, hevy, fitnotes, lbtrain
  std::string name;                  ///< for people: "Strong"
  std::vector<std::string> columns;  ///< what its header has (for messages)
  bool (*matches)(const Header& header);
  std::unique_ptr<RowReader> (*reader)(const Header& header, const ImportContext& context);
  /// Mends a row with more fields than the header, when the app is known to write such rows
  /// and the mended row is unambiguous; false when it cannot (nullptr: the app never does).
  bool (*repair)(std::vector<std::string_view>& fields, const Header& header) = nullptr;
};

/// Every format, in the order a header is tried against them.
const std::vector<ImportFormat>& import_formats();

ImportFormat strong_format();
ImportFormat hevy_format();
ImportFormat fitnotes_format();
ImportFormat lbtrain_format();

/// A date and time as the apps write them: "2024-03-04 18:30:00", "2024-03-04 6:30:00 PM",
/// "2024-03-04T18:30", "5 Mar 2024, 18:00", "2024-03-04". The time is HH:MM:SS or HH:MM as
/// written (24-hour), "" when there is none; nullopt for anything else.
std::optional<std::pair<std::string, std::string>> parse_date_time(std::string_view text);

/// parse_date_time for the rows of one file, where a workout's rows repeat the same text: the
/// last text is parsed once. nullptr when it is not a date.
class DateTimeCache {
 public:
  const std::pair<std::string, std::string>* parse(std::string_view text);

 private:
  std::string text_;
  bool valid_ = false;
  bool ok_ = false;
  std::pair<std::string, std::string> value_;
};

/// Reps in reserve from an RPE column (10 - RPE); nullopt when empty; RPE beyond 0 to 10 fails.
std::optional<double> rir_from_rpe(const Row& row, int column);

/// Adds a note the file gives to the set's note (before what the import wrote there, such as a
/// carry's distance); a literal "\n" in it, as some apps write a line break, becomes one.
void add_note(LoggedSet& set, std::string_view text);
/// A note as the file gives it, a literal "\n" made a line break.
std::string note_text(std::string_view text);

/// The columns a set's work is read from, for messages.
struct WorkColumns {
  int reps = -1, seconds = -1, distance = -1, load = -1;
  int distance_unit_column = -1;  ///< a unit on every row (FitNotes, Strong's old export)
  std::string distance_unit;      ///< else the column's: "km", "mi", "m" ("" when unknown)
};

/// What a set did, shared by the apps' readers: reps, else seconds, else nothing done; no load
/// or 0 is bodyweight. A distance with a load is a loaded carry (a farmer's walk), kept with the
/// distance in its note; a distance without a load is cardio, and so is a bout over the longest
/// hold. Values beyond lbtrain's limits fail naming the column.
void read_work(const Row& row, const WorkColumns& columns, std::optional<double> seconds, LoadUnit unit,
               ImportedRow& out);

}  // namespace lbtrain::log
