// FitNotes' CSV export:
//   Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment
// ("Weight (lbs)" for a lifter in pounds; newer versions write "Weight,Weight Unit" with the unit
// on every row). Dates are YYYY-MM-DD, times H:MM:SS; FitNotes has no workout start time, so a
// day's sets form one session.

#include "log/import/import_format.hpp"

#include "log/logged_set.hpp"

#include <charconv>

namespace lbtrain::log {

namespace {

/// "0:01:30" or "1:30" in seconds; nullopt when empty.
std::optional<double> clock_seconds(const Row& row, int column) {
  std::string_view text = row.text(column);
  if (text.empty()) return std::nullopt;
  double total = 0;
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t colon = text.find(':', start);
    std::string_view part = text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
    int value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size() || part.empty() || ++parts > 3 ||
        (parts > 1 && value > 59)) {
      row.fail(column, "not a time such as 0:01:30 (hours:minutes:seconds)");
    }
    total = total * 60 + value;
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return total;
}

class FitNotesReader : public RowReader {
 public:
  FitNotesReader(const Header& h, const ImportContext& context) : context_(context), file_(context.file_name) {
    date_ = h.find({"Date"});
    exercise_ = h.find({"Exercise"});
    work_.load = h.find({"Weight (kgs)", "Weight (lbs)", "Weight"});
    unit_column_ = h.find({"Weight Unit"});
    unit_ = h.names()[static_cast<std::size_t>(work_.load)] == "Weight (lbs)" ? LoadUnit::lb : LoadUnit::kg;
    if (unit_column_ < 0) check_unit_option(context, unit_, h.names()[static_cast<std::size_t>(work_.load)]);
    work_.reps = h.find({"Reps"});
    work_.distance = h.find({"Distance"});
    work_.distance_unit_column = h.find({"Distance Unit"});
    work_.seconds = h.find({"Time"});
    comment_ = h.find({"Comment"});
  }

  ImportedRow read(const Row& row) override {
    ImportedRow out;
    LoggedSet& set = out.set;
    set.exercise = std::string(row.text(exercise_));
    if (set.exercise.empty()) row.fail(exercise_, "an exercise name is required");
    const auto* when = dates_.parse(row.text(date_));
    if (!when || !when->second.empty()) row.fail(date_, "not a date such as 2024-03-04");
    set.date = when->first;
    set.session = "fitnotes";
    LoadUnit unit = unit_;
    if (unit_column_ >= 0 && !row.text(unit_column_).empty()) {
      auto parsed = parse_load_unit(row.text(unit_column_));
      if (!parsed) row.fail(unit_column_, "allowed: kgs or lbs");
      check_unit_option(context_, *parsed, row, unit_column_);
      unit = *parsed;
    }
    read_work(row, work_, clock_seconds(row, work_.seconds), unit, out);
    add_note(set, row.text(comment_));
    set.source = {SetSource::Kind::import, file_, 0, 0};
    return out;
  }

 private:
  ImportContext context_;
  std::string file_;
  int date_ = -1, exercise_ = -1, unit_column_ = -1, comment_ = -1;
  WorkColumns work_;
  LoadUnit unit_ = LoadUnit::kg;
  DateTimeCache dates_;
};

bool fitnotes_matches(const Header& h) {
  bool weight = h.has("Weight (kgs)") || h.has("Weight (lbs)") || (h.has("Weight") && h.has("Weight Unit"));
  return h.has("Date") && h.has("Exercise") && h.has("Category") && h.has("Reps") && weight;
}

std::unique_ptr<RowReader> fitnotes_reader(const Header& h, const ImportContext& context) {
  return std::make_unique<FitNotesReader>(h, context);
}

/// FitNotes writes an exercise name with a comma inside its parentheses unquoted ("Overhead
/// Press (Each Side, Dumbbells)"), so the row has a field too many. The fields are rejoined
/// only when they lie side by side in the file, unquoted, and the comma falls inside a
/// parenthesis the name opens and closes: then the row cannot mean anything else.
bool repair(std::vector<std::string_view>& fields, const Header& h) {
  const int exercise = h.find({"Exercise"});
  if (exercise < 0) return false;
  const auto first = static_cast<std::size_t>(exercise);
  const std::size_t extra = fields.size() - h.names().size();
  if (first + extra >= fields.size()) return false;
  int depth = 0;
  for (std::size_t i = first; i <= first + extra; ++i) {
    if (i > first && fields[i].data() != fields[i - 1].data() + fields[i - 1].size() + 1) return false;
    if (i > first && depth <= 0) return false;  // the comma is not inside a parenthesis
    for (char c : fields[i]) {
      if (c == '"') return false;
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
  }
  if (depth != 0) return false;
  const std::string_view& last = fields[first + extra];
  fields[first] = std::string_view(fields[first].data(),
                                   static_cast<std::size_t>(last.data() + last.size() - fields[first].data()));
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(first) + 1,
               fields.begin() + static_cast<std::ptrdiff_t>(first + extra) + 1);
  return true;
}

}  // namespace

ImportFormat fitnotes_format() {
  return {"fitnotes", "FitNotes",
          {"Date", "Exercise", "Category", "Weight (kgs)", "Reps", "Distance", "Distance Unit", "Time", "Comment"},
          fitnotes_matches, fitnotes_reader, repair};
}

}  // namespace lbtrain::log
