// lbtrain's own export (`lbtrain log export --format csv`), read back exactly: every column is
// checked as strictly as the database checks it.

#include "log/import/import_format.hpp"

#include "log/log_csv.hpp"
#include "log/logged_set.hpp"
#include "log/import/name_map.hpp"

#include "lbtrain/model/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::log {

namespace {

enum Column { date, exercise_id, exercise, set, reps, seconds, breaths, load, unit, rir, per_side, warmup, note, source, session, pain };

class LbtrainReader : public RowReader {
 public:
  explicit LbtrainReader(const ImportContext& context) : context_(context) {}

  ImportedRow read(const Row& row) override {
    ImportedRow out;
    LoggedSet& s = out.set;
    s.date = std::string(row.text(date));
    if (!parse_iso_date(s.date)) row.fail(date, "not a date such as 2026-11-21");
    s.exercise_id = text(row, exercise_id);
    if (!is_custom_id(s.exercise_id) && !is_kebab_id(s.exercise_id)) {
      row.fail(exercise_id, "allowed: an exercise id (lowercase letters, digits and -) or custom:ID");
    }
    s.exercise = text(row, exercise);
    auto number = row.whole(set);
    if (!number || *number < 1 || *number > 10000) row.fail(set, "a set number from 1 to 10000 is required");
    s.set_number = static_cast<int>(*number);
    read_count(row, s);
    read_load(row, s);
    s.rir = row.number(rir);
    if (s.rir) {
      if (auto why = rir_problem(*s.rir); !why.empty()) row.fail(rir, why);
    }
    s.per_side = flag(row, per_side);
    s.warmup = flag(row, warmup);
    s.note = std::string(read_guarded(row.text(note)));
    auto parsed = parse_source_text(read_guarded(row.text(source)));
    if (!parsed) row.fail(source, "allowed: typed, import:FILE or program:week N day D (week 1 to 52, day 1 to 7)");
    s.source = *parsed;
    s.session = std::string(read_guarded(row.text(session)));
    if (auto value = row.whole(pain)) {
      if (*value < 0 || *value > 10) row.fail(pain, "back pain is a whole number from 0 to 10");
      s.pain = static_cast<int>(*value);
    }
    return out;
  }

 private:
  ImportContext context_;

  static std::string text(const Row& row, int column) {
    std::string value(read_guarded(row.text(column)));
    if (value.empty()) row.fail(column, "a value is required");
    return value;
  }

  static bool flag(const Row& row, int column) {
    std::string_view value = row.text(column);
    if (value != "true" && value != "false") row.fail(column, "allowed: true or false");
    return value == "true";
  }

  static void read_count(const Row& row, LoggedSet& s) {
    int found = 0;
    for (int column : {reps, seconds, breaths}) {
      auto value = row.whole(column);
      if (!value) continue;
      ++found;
      s.kind = column == reps ? DoseKind::reps : column == seconds ? DoseKind::seconds : DoseKind::breaths;
      if (auto why = count_problem(s.kind, *value); !why.empty()) row.fail(column, why);
      s.count = static_cast<int>(*value);
    }
    if (found != 1) row.fail("a set has exactly one of reps, seconds and breaths");
  }

  void read_load(const Row& row, LoggedSet& s) const {
    auto value = row.number(load);
    std::string_view unit_text = row.text(unit);
    if (!value) {
      if (!unit_text.empty()) row.fail(unit, "a unit without a load");
      return;
    }
    auto parsed = unit_text == "kg" ? LoadUnit::kg : unit_text == "lb" ? LoadUnit::lb : std::optional<LoadUnit>();
    if (!parsed) row.fail(unit, "allowed: kg or lb");
    check_unit_option(context_, *parsed, row, unit);
    if (auto why = load_problem(*value, *parsed); !why.empty()) row.fail(load, why);
    s.load = value;
    s.unit = *parsed;
  }
};

bool lbtrain_matches(const Header& h) {
  const auto& columns = log_csv_columns();
  // The session (version 3) and the pain (version 5) columns came later: an export without
  // them still reads.
  const std::size_t oldest = columns.size() - 2;
  const std::size_t known = std::min(h.names().size(), columns.size());
  return h.names().size() >= oldest &&
         std::equal(columns.begin(), columns.begin() + static_cast<std::ptrdiff_t>(known), h.names().begin());
}

std::unique_ptr<RowReader> lbtrain_reader(const Header&, const ImportContext& context) {
  return std::make_unique<LbtrainReader>(context);
}

}  // namespace

ImportFormat lbtrain_format() { return {"lbtrain", "lbtrain", log_csv_columns(), lbtrain_matches, lbtrain_reader}; }

}  // namespace lbtrain::log
