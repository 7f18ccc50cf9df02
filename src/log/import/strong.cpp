// Strong's CSV export, in each of its forms:
//   oldest (2016-2018), the unit as the column's name, Set Order counted from 0:
//     Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes   (lbs and mi. in pounds)
//   old, semicolons, a unit per row:
//     Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration
//   current, commas, weights in the unit the app was set to (so --unit is needed):
//     Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
// Set Order is a number, W for a warm-up set, D for a drop set, F for a set to failure,
// "Rest Timer" for a rest between sets (skipped), or (the newest export) "Note" for the note of
// an exercise in a workout, in Notes (put on that exercise's sets in the workout).

#include "log/import/import_format.hpp"

#include "log/logged_set.hpp"

#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <cctype>

namespace lbtrain::log {

namespace {

/// The weight column: "Weight" (its unit elsewhere), or a name that says the unit.
const std::initializer_list<std::string_view> weight_names{"Weight",       "Weight (kg)", "Weight (kgs)",
                                                           "Weight (lbs)", "Weight (lb)", "kg",
                                                           "lbs"};

class StrongReader : public RowReader {
 public:
  StrongReader(const Header& h, const ImportContext& context) : context_(context), file_(context.file_name) {
    date_ = h.find({"Date"});
    exercise_ = h.find({"Exercise Name"});
    order_ = h.find({"Set Order"});
    work_.load = h.find(weight_names);
    work_.reps = h.find({"Reps"});
    work_.distance = h.find({"Distance", "Distance (meters)", "Distance (km)", "Distance (miles)", "km", "mi.", "mi"});
    work_.seconds = h.find({"Seconds"});
    unit_column_ = h.find({"Weight Unit"});
    work_.distance_unit_column = h.find({"Distance Unit"});
    const std::string distance = work_.distance >= 0 ? h.english(static_cast<std::size_t>(work_.distance)) : "";
    work_.distance_unit = distance == "km" || distance == "Distance (km)"   ? "km"
                          : distance == "Distance (meters)"                 ? "m"
                          : distance == "mi." || distance == "Distance (miles)" ? "mi"
                                                                                : "";
    rpe_ = h.find({"RPE"});
    notes_ = h.find({"Notes"});
    workout_notes_ = h.find({"Workout Notes"});
    const std::string& weight = h.english(static_cast<std::size_t>(work_.load));
    if (weight == "Weight (lbs)" || weight == "Weight (lb)" || weight == "lbs") unit_ = LoadUnit::lb;
    else if (weight != "Weight") unit_ = LoadUnit::kg;
    else if (unit_column_ < 0) unit_ = context.unit;
    if (weight != "Weight") check_unit_option(context, *unit_, h.names()[static_cast<std::size_t>(work_.load)]);
    if (!unit_ && unit_column_ < 0) {
      usage_error(fmt::format("{} is Strong's export, which does not say whether its weights are kg or lb (they are in "
                              "the unit the app was set to): give --unit kg or --unit lb",
                              context.origin));
    }
  }

  ImportedRow read(const Row& row) override {
    ImportedRow out;
    LoggedSet& set = out.set;
    std::string_view order = row.text(order_);
    set.exercise = std::string(row.text(exercise_));
    if (order == "Rest Timer" || set.exercise == "Rest Timer") {
      out.kind = ImportedRow::Kind::rest_timer;
      return out;
    }
    if (set.exercise.empty()) row.fail(exercise_, "an exercise name is required");
    const auto* when = dates_.parse(row.text(date_));
    if (!when) row.fail(date_, "not a date and time such as 2024-03-04 18:30:00");
    set.date = when->first;
    set.session = when->second.empty() ? "strong" : "strong " + when->second;
    if (order == "Note") {
      out.kind = ImportedRow::Kind::note;
      add_note(set, row.text(notes_));
      return out;
    }
    read_order(row, order, set);
    read_work(row, work_, row.number(work_.seconds), unit(row), out);
    set.rir = rir_from_rpe(row, rpe_);
    add_note(set, row.text(notes_));
    out.session_note = note_text(row.text(workout_notes_));
    set.source = {SetSource::Kind::import, file_, 0, 0};
    return out;
  }

 private:
  ImportContext context_;
  std::string file_;
  int date_ = -1, exercise_ = -1, order_ = -1, unit_column_ = -1, rpe_ = -1, notes_ = -1, workout_notes_ = -1;
  WorkColumns work_;
  std::optional<LoadUnit> unit_;
  DateTimeCache dates_;

  void read_order(const Row& row, std::string_view order, LoggedSet& set) const {
    bool number = !order.empty() && std::all_of(order.begin(), order.end(), [](char c) { return std::isdigit(c); });
    if (number || order == "D" || order == "F") return;
    if (order == "W") {
      set.warmup = true;
      return;
    }
    row.fail(order_, "allowed: a set number, W (warm-up), D (drop set), F (failure), Rest Timer or Note");
  }

  LoadUnit unit(const Row& row) const {
    if (unit_column_ < 0) return *unit_;
    std::string_view text = row.text(unit_column_);
    if (text.empty()) return unit_.value_or(LoadUnit::kg);  // no weight on this row
    auto unit = parse_load_unit(text);
    if (!unit) row.fail(unit_column_, "allowed: kg or lbs");
    check_unit_option(context_, *unit, row, unit_column_);
    return *unit;
  }
};

bool strong_matches(const Header& h) {
  return h.has("Date") && h.has("Exercise Name") && h.has("Set Order") && h.has("Reps") && h.find(weight_names) >= 0;
}

std::unique_ptr<RowReader> strong_reader(const Header& h, const ImportContext& context) {
  return std::make_unique<StrongReader>(h, context);
}

}  // namespace

ImportFormat strong_format() {
  return {"strong", "Strong",
          {"Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps", "Distance", "Seconds", "Notes", "RPE"},
          strong_matches, strong_reader};
}

}  // namespace lbtrain::log
