// Hevy's CSV export of workouts:
//   "title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",
//   "set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"
// (weight_lbs and distance_miles for a lifter in pounds). start_time reads "5 Mar 2024, 18:00";
// set_type is normal, warmup, failure or dropset.

#include "log/import/import_format.hpp"

#include "log/logged_set.hpp"

namespace lbtrain::log {

namespace {

class HevyReader : public RowReader {
 public:
  HevyReader(const Header& h, const ImportContext& context) : file_(context.file_name) {
    start_ = h.find({"start_time"});
    exercise_ = h.find({"exercise_title"});
    type_ = h.find({"set_type"});
    work_.load = h.find({"weight_kg", "weight_lbs"});
    unit_ = h.names()[static_cast<std::size_t>(work_.load)] == "weight_lbs" ? LoadUnit::lb : LoadUnit::kg;
    check_unit_option(context, unit_, h.names()[static_cast<std::size_t>(work_.load)]);
    // A file with both columns: a row's load is in whichever of them it fills.
    if (h.has("weight_kg") && h.has("weight_lbs")) pounds_ = h.find({"weight_lbs"});
    work_.reps = h.find({"reps"});
    work_.distance = h.find({"distance_km", "distance_miles", "distance_meters"});
    if (work_.distance >= 0) {
      const std::string& distance = h.names()[static_cast<std::size_t>(work_.distance)];
      work_.distance_unit = distance == "distance_km" ? "km" : distance == "distance_miles" ? "mi" : "m";
    }
    work_.seconds = h.find({"duration_seconds"});
    rpe_ = h.find({"rpe"});
    notes_ = h.find({"exercise_notes"});
    description_ = h.find({"description"});
  }

  ImportedRow read(const Row& row) override {
    ImportedRow out;
    LoggedSet& set = out.set;
    set.exercise = std::string(row.text(exercise_));
    if (set.exercise.empty()) row.fail(exercise_, "an exercise name is required");
    const auto* when = dates_.parse(row.text(start_));
    if (!when) row.fail(start_, "not a start time such as \"5 Mar 2024, 18:00\"");
    set.date = when->first;
    set.session = "hevy " + when->second;
    std::string_view type = row.text(type_);
    if (type == "warmup") set.warmup = true;
    else if (type != "normal" && type != "failure" && type != "dropset" && !type.empty()) {
      row.fail(type_, "allowed: normal, warmup, failure or dropset");
    }
    if (pounds_ >= 0 && row.text(work_.load).empty() && !row.text(pounds_).empty()) {
      WorkColumns in_pounds = work_;
      in_pounds.load = pounds_;
      read_work(row, in_pounds, row.number(work_.seconds), LoadUnit::lb, out);
    } else {
      read_work(row, work_, row.number(work_.seconds), unit_, out);
    }
    set.rir = rir_from_rpe(row, rpe_);
    add_note(set, row.text(notes_));
    out.session_note = note_text(row.text(description_));
    set.source = {SetSource::Kind::import, file_, 0, 0};
    return out;
  }

 private:
  std::string file_;
  int start_ = -1, exercise_ = -1, type_ = -1, rpe_ = -1, notes_ = -1, pounds_ = -1, description_ = -1;
  WorkColumns work_;
  LoadUnit unit_ = LoadUnit::kg;
  DateTimeCache dates_;
};

bool hevy_matches(const Header& h) {
  return h.has("start_time") && h.has("exercise_title") && h.has("set_type") && h.has("reps") &&
         h.find({"weight_kg", "weight_lbs"}) >= 0;
}

std::unique_ptr<RowReader> hevy_reader(const Header& h, const ImportContext& context) {
  return std::make_unique<HevyReader>(h, context);
}

}  // namespace

ImportFormat hevy_format() {
  return {"hevy", "Hevy",
          {"title", "start_time", "exercise_title", "set_index", "set_type", "weight_kg", "reps", "distance_km",
           "duration_seconds", "rpe"},
          hevy_matches, hevy_reader};
}

}  // namespace lbtrain::log
