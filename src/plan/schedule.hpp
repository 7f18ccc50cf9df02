#pragma once
/// Which sessions of the week each main exercise is on: as many as its slot allows, spread out,
/// within the rules' limits across everything in the plan (a lower-back budget per session, at
/// most so many days a week, never on consecutive days). What does not fit moves or is left out,
/// and the notes say so.

#include "lbtrain/model/plan.hpp"

#include <string>
#include <vector>

namespace lbtrain {

/// One main exercise to place in the week, in priority order (the first placed gets its days first).
struct ScheduleItem {
  const Exercise* exercise = nullptr;
  int wanted = 1;          ///< sessions a week it wants
  bool slot_limited = false;  ///< `wanted` is its slot's own limit, not every session
  bool builds = false;        ///< its dose builds week to week
  std::string source;         ///< where the slot's limit comes from
};

/// Where the items go.
struct WeekSchedule {
  std::vector<std::vector<int>> days;  ///< per item, the sessions (1-based) it is on; may be empty
  std::vector<Note> notes;
};

/// Places the items on `offsets.size()` sessions a week, session d falling `offsets[d-1]` days
/// after the week's first day (0 to 6). `labels[d-1]` names session d in notes: its weekday ("Mon")
/// or its number ("2").
WeekSchedule schedule_week(const std::vector<ScheduleItem>& items, const std::vector<int>& offsets,
                           const std::vector<std::string>& labels, const Rules& rules);

/// Days (1-based) on which an item limited to `count` of `days` sessions is trained, spread out.
std::vector<int> spread_days(int days, int count);

/// "Mon, Wed and Fri".
std::string list_text(const std::vector<std::string>& items);

}  // namespace lbtrain
