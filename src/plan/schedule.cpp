#include "plan/schedule.hpp"

#include "model/text_match.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace lbtrain {

std::vector<int> spread_days(int days, int count) {
  std::vector<int> on;
  if (count >= days) {
    for (int d = 1; d <= days; ++d) on.push_back(d);
    return on;
  }
  // Evenly spaced, rounding to the nearest day: 2 of 3 -> 1, 3; 2 of 7 -> 1, 5.
  for (int j = 0; j < count; ++j) on.push_back((2 * j * days + count) / (2 * count) + 1);
  return on;
}

std::string list_text(const std::vector<std::string>& items) {
  if (items.size() < 2) return join(items, "");
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head, ", ") + " and " + items.back();
}

namespace {

class Scheduler {
 public:
  Scheduler(const std::vector<ScheduleItem>& items, const std::vector<int>& offsets,
            const std::vector<std::string>& labels, const Rules& rules)
      : items_(items), offsets_(offsets), labels_(labels), rules_(rules), sessions_(static_cast<int>(offsets.size())) {
    result_.days.resize(items.size());
    limits_of_.resize(items.size());
    blocked_by_.assign(items.size(), nullptr);
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (const auto& limit : rules.limits) {
        if (limit.building_only && !items[i].builds) continue;
        if (!limit.select || limit.select->matches(*items[i].exercise)) limits_of_[i].push_back(&limit);
      }
    }
  }

  WeekSchedule run() {
    // Unlimited items take their spread days. Limited ones share: first one session each, in
    // priority order, then the rest of what each wants, so that no exercise is left out while
    // another takes a second day.
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (limits_of_[i].empty()) result_.days[i] = spread_days(sessions_, items_[i].wanted);
    }
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (limits_of_[i].empty()) continue;
        int wanted = pass == 0 ? 1 : std::min(items_[i].wanted, sessions_);
        while (static_cast<int>(result_.days[i].size()) < wanted) {
          int day = best_day(i);
          if (day == 0) break;
          result_.days[i].push_back(day);
        }
      }
    }
    for (auto& days : result_.days) std::sort(days.begin(), days.end());
    write_notes();
    return std::move(result_);
  }

 private:
  const std::vector<ScheduleItem>& items_;
  const std::vector<int>& offsets_;
  const std::vector<std::string>& labels_;
  const Rules& rules_;
  int sessions_;
  WeekSchedule result_;
  std::vector<std::vector<const Limit*>> limits_of_;
  std::vector<const Limit*> blocked_by_;  ///< the first limit that kept an item off a session

  bool on(std::size_t item, int day) const {
    const auto& days = result_.days[item];
    return std::find(days.begin(), days.end(), day) != days.end();
  }

  bool matches(std::size_t item, const Limit* limit) const {
    const auto& limits = limits_of_[item];
    return std::find(limits.begin(), limits.end(), limit) != limits.end();
  }

  /// Whether `other` counts with `item` under a limit: anything it matches, or for a limit on
  /// each exercise, the item alone.
  bool counts(const Limit* limit, std::size_t item, std::size_t other) const {
    return limit->each ? other == item : matches(other, limit);
  }

  /// The sessions on which a limit counts something (for `item`).
  std::set<int> days_of(const Limit* limit, std::size_t item) const {
    std::set<int> days;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (counts(limit, item, i)) days.insert(result_.days[i].begin(), result_.days[i].end());
    }
    return days;
  }

  int count_on(const Limit* limit, std::size_t item, int day) const {
    int n = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) n += counts(limit, item, i) && on(i, day);
    return n;
  }

  bool consecutive(int a, int b) const {
    int gap = std::abs(offsets_[static_cast<std::size_t>(a - 1)] - offsets_[static_cast<std::size_t>(b - 1)]);
    return gap == 1 || gap == 6;
  }

  const Limit* refusal(std::size_t item, int day) const {
    for (const Limit* limit : limits_of_[item]) {
      if (limit->max_per_session && count_on(limit, item, day) >= *limit->max_per_session) return limit;
      std::set<int> days = days_of(limit, item);
      if (days.count(day)) continue;
      if (limit->max_days_per_week && static_cast<int>(days.size()) >= *limit->max_days_per_week) return limit;
      if (limit->rest_day_between &&
          std::any_of(days.begin(), days.end(), [&](int other) { return consecutive(other, day); })) {
        return limit;
      }
    }
    return nullptr;
  }

  /// How far a session is from the item's other sessions, in days round the week.
  int distance(std::size_t item, int day) const {
    int nearest = 7;
    for (int other : result_.days[item]) {
      int gap = std::abs(offsets_[static_cast<std::size_t>(other - 1)] - offsets_[static_cast<std::size_t>(day - 1)]);
      nearest = std::min(nearest, std::min(gap, 7 - gap));
    }
    return nearest;
  }

  /// The allowed session that spreads the item best and is least crowded; 0 when none is allowed.
  int best_day(std::size_t item) {
    int best = 0;
    std::tuple<int, int, int> best_key{};
    for (int day = 1; day <= sessions_; ++day) {
      if (on(item, day)) continue;
      if (const Limit* limit = refusal(item, day)) {
        if (!blocked_by_[item]) blocked_by_[item] = limit;
        continue;
      }
      int crowd = 0;
      for (const Limit* limit : limits_of_[item]) {
        if (!limit->each) crowd += count_on(limit, item, day);
      }
      std::tuple<int, int, int> key{-distance(item, day), crowd, day};
      if (best == 0 || key < best_key) {
        best = day;
        best_key = key;
      }
    }
    return best;
  }

  /// "Mon, Thu and Sat", or "days 1, 3 and 4" when sessions have no weekday.
  std::string days_list(const std::vector<int>& days) const {
    std::vector<std::string> names;
    for (int d : days) names.push_back(labels_[static_cast<std::size_t>(d - 1)]);
    bool numbered = !names.empty() && std::all_of(names.front().begin(), names.front().end(), ::isdigit);
    if (!numbered) return list_text(names);
    return (names.size() == 1 ? "day " : "days ") + list_text(names);
  }

  void add(Note note) {
    if (std::find(result_.notes.begin(), result_.notes.end(), note) == result_.notes.end()) {
      result_.notes.push_back(std::move(note));
    }
  }

  void write_notes() {
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const auto& days = result_.days[i];
      int count = static_cast<int>(days.size());
      std::map<std::string, std::string> values{{"name", items_[i].exercise->name},
                                                {"count", std::to_string(count)},
                                                {"days", std::to_string(sessions_)},
                                                {"list", days_list(days)}};
      const Limit* limit = blocked_by_[i];
      if (count == 0) {
        values["why"] = limit ? limit->why : "";
        add({"schedule", fill_placeholders(rules_.text("limit_dropped"), values), limit ? limit->source : ""});
      } else if (limit && count < std::min(items_[i].wanted, sessions_)) {
        values["why"] = limit->why;
        add({"schedule", fill_placeholders(rules_.text("limited_days"), values), limit->source});
      } else if (items_[i].slot_limited && count < sessions_) {
        add({"schedule", fill_placeholders(rules_.text("recovery"), values), items_[i].source});
      }
    }
    std::vector<int> empty;
    for (int day = 1; day <= sessions_; ++day) {
      bool any = std::any_of(result_.days.begin(), result_.days.end(), [&](const std::vector<int>& days) {
        return std::find(days.begin(), days.end(), day) != days.end();
      });
      if (!any) empty.push_back(day);
    }
    if (!empty.empty() && !items_.empty()) {
      add({"schedule", fill_placeholders(rules_.text("empty_sessions"), {{"list", days_list(empty)}}), ""});
    }
    for (const auto& limit : rules_.limits) {
      if (limit.note.empty() || limit.each) continue;
      std::set<int> days;
      for (std::size_t i = 0; i < items_.size(); ++i) {
        if (matches(i, &limit)) days.insert(result_.days[i].begin(), result_.days[i].end());
      }
      if (days.empty() || static_cast<int>(days.size()) == sessions_) continue;
      add({"schedule", fill_placeholders(limit.note, {{"list", days_list({days.begin(), days.end()})}}), limit.source});
    }
  }
};

}  // namespace

WeekSchedule schedule_week(const std::vector<ScheduleItem>& items, const std::vector<int>& offsets,
                           const std::vector<std::string>& labels, const Rules& rules) {
  return Scheduler(items, offsets, labels, rules).run();
}

}  // namespace lbtrain
