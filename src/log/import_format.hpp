#pragma once
// The export formats `lbtrain log import` reads, one reader per app (import_strong.cpp,
// import_hevy.cpp, import_fitnotes.cpp, import_lbtrain.cpp), told apart by their header, and
// the checks they share. A reader turns one CSV row into one set, or says why the row holds no
// set (a rest timer, cardio, nothing done); a bad value is a data Error naming FILE:LINE, the
// column and what is allowed.

#include "lbtrain/log.hpp"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain::logbook {

/// The columns of an export's header, by name.
class Header {
 public:
  explicit Header(const std::vector<std::string_view>& fields);
  /// The index of the first of `names` the header has, or -1.
  int find(std::initializer_list<std::string_view> names) const;
  bool has(std::string_view name) const { return find({name}) >= 0; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

/// One row's fields and the checks every reader makes on them.
class Row {
 public:
  Row(const std::vector<std::string_view>& fields, const Header& header, const std::string& origin, std::size_t line,
      bool decimal_comma);
  /// The field, "" when the row is short or the column is missing (-1).
  std::string_view text(int column) const;
  /// A number ("22.5"; "22,5" in a file separated by semicolons); nullopt when empty.
  std::optional<double> number(int column) const;
  /// A whole number ("5" or "5.0"); nullopt when empty.
  std::optional<long long> whole(int column) const;
  [[noreturn]] void fail(int column, const std::string& why) const;
  [[noreturn]] void fail(const std::string& why) const;
  std::size_t line() const { return line_; }

 private:
  const std::vector<std::string_view>& fields_;
  const Header& header_;
  const std::string& origin_;
  std::size_t line_;
  bool decimal_comma_;
};

/// What one row of an export holds.
struct ImportedRow {
  enum class Kind { set, rest_timer, cardio, empty };
  ImportedRow() { set.set_number = 0; }
  Kind kind = Kind::set;
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

/// An export format lbtrain reads.
struct ImportFormat {
  std::string id;                    ///< strong, hevy, fitnotes, lbtrain
  std::string name;                  ///< for people: "Strong"
  std::vector<std::string> columns;  ///< what its header has (for messages)
  bool (*matches)(const Header& header);
  std::unique_ptr<RowReader> (*reader)(const Header& header, const ImportContext& context);
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

/// The columns a set's work is read from, for messages.
struct WorkColumns {
  int reps = -1, seconds = -1, distance = -1, load = -1;
};

/// What a set did, shared by the apps' readers: distance means cardio; reps, else seconds (a
/// bout over an hour is cardio too), else nothing done; no load or 0 is bodyweight. Values
/// beyond lbtrain's limits fail naming the column.
ImportedRow::Kind read_work(const Row& row, const WorkColumns& columns, std::optional<double> seconds, LoadUnit unit,
                            LoggedSet& set);

}  // namespace lbtrain::logbook
