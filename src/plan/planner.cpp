#include "lbtrain/plan.hpp"

#include "plan/planned.hpp"

#include <algorithm>
#include <unordered_map>
#include <climits>
#include <cstdint>

namespace lbtrain {

namespace {

using plan::PlannedItem;
using plan::PlannedPhase;

/// The plan's request as the formatters show it.
Plan plan_header(const DataSet& data, const Request& request) {
  Plan plan;
  for (const Goal* goal : request.goals) plan.goals.push_back({goal->id, goal->name, goal->description, goal->sources});
  plan.weeks = request.weeks;
  plan.days = request.days;
  plan.level = request.level;
  plan.equipment_spec = request.equipment_spec;
  plan.title = request.title;
  plan.equipment = request.equipment;
  plan.catalogue_origin = data.catalogue.origin;
  plan.rules_origin = data.rules.origin;
  plan.sources = data.catalogue.sources;
  for (const auto& [key, text] : data.rules.sources) plan.sources[key] = text;
  plan.start = request.start;
  plan.on = request.on;
  plan.at_minutes = request.at_minutes;
  plan.only_week = request.only_week;
  return plan;
}

/// How notes name session d: its weekday when known, else "day d".
std::vector<std::string> session_labels(const Request& request, const std::vector<int>& offsets, int first_weekday) {
  std::vector<std::string> labels;
  for (std::size_t d = 0; d < offsets.size(); ++d) {
    bool known = request.start || !request.on.empty();
    labels.push_back(known ? std::string(weekday_label((first_weekday + offsets[d]) % 7)) : std::to_string(d + 1));
  }
  return labels;
}

/// The prescriptions of one week, by item: an item trained on several days of a week is
/// prescribed the same each day, so it is worked out once.
using WeekPrescriptions = std::unordered_map<const plan::PlannedItem*, Prescription>;

Session make_session(const DataSet& data, const Request& request, const PlannedPhase& phase, int week, int day,
                     WeekPrescriptions& prescribed) {
  const Rules& rules = data.rules;
  Session session;
  session.day = day;
  std::int64_t seconds = 0;
  for (BlockKind kind : all_block_kinds) {
    SessionBlock block{kind, rules.block(kind).title, 0, {}, std::nullopt};
    std::int64_t block_seconds = 0;
    auto on_this_day = [&](const PlannedItem& item) {
      return item.block == kind && std::find(item.days.begin(), item.days.end(), day) != item.days.end();
    };
    block.items.reserve(static_cast<std::size_t>(std::count_if(phase.items.begin(), phase.items.end(), on_this_day)));
    for (const PlannedItem& item : phase.items) {
      if (!on_this_day(item)) continue;
      auto [at, added] = prescribed.try_emplace(&item);
      if (added) at->second = plan::prescribe(item, week, data, request);
      block.items.push_back(at->second);
      block_seconds += plan::item_seconds(block.items.back(), rules.timing);
    }
    block_seconds = std::min<std::int64_t>(block_seconds, INT_MAX / 4);
    block.estimated_minutes = static_cast<int>((block_seconds + 59) / 60);
    seconds += block_seconds;
    session.blocks.push_back(std::move(block));
  }
  session.estimated_minutes = static_cast<int>((std::min<std::int64_t>(seconds, INT_MAX / 2) + 59) / 60);
  return session;
}

}  // namespace

Plan build_plan(const DataSet& data, const Request& request, const Screened& screened, const Selection& selection) {
  Plan plan = plan_header(data, request);
  // The week starts on the start date's weekday, or on Monday when only weekdays are named.
  int first_weekday = request.start ? weekday_index(*request.start) : 0;
  std::vector<int> offsets = session_offsets(request.days, first_weekday, request.on);
  std::vector<std::string> labels = session_labels(request, offsets, first_weekday);

  std::vector<PlannedPhase> phases;
  for (std::size_t k = 0; k < selection.phases.size(); ++k) {
    int last = k + 1 < selection.phases.size() ? selection.phases[k + 1].from_week - 1 : request.weeks;
    phases.push_back(plan::plan_phase(data, request, screened, selection.phases[k], last,
                                          phases.empty() ? nullptr : &phases.back(), offsets, labels));
  }

  for (int w = 1; w <= request.weeks; ++w) {
    if (request.only_week > 0 && w != request.only_week) continue;
    const PlannedPhase& phase = *std::find_if(phases.rbegin(), phases.rend(),
                                              [&](const PlannedPhase& p) { return p.phase->from_week <= w; });
    Week week;
    week.number = w;
    WeekPrescriptions prescribed;
    for (int d = 1; d <= request.days; ++d) {
      Session session = make_session(data, request, phase, w, d, prescribed);
      int offset = offsets[static_cast<std::size_t>(d - 1)];
      if (request.start) {
        session.date = *request.start + std::chrono::days{7 * (w - 1) + offset};
        session.weekday = weekday_index(*session.date);
      } else if (!request.on.empty()) {
        session.weekday = (first_weekday + offset) % 7;
      }
      week.sessions.push_back(std::move(session));
    }
    week.note = plan::week_note(data.rules, phase, w);
    plan.weeks_list.push_back(std::move(week));
  }
  plan::write_notes(plan, data, request, screened, selection, phases);
  return plan;
}

}  // namespace lbtrain
