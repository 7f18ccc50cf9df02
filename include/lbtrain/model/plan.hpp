#pragma once
/// A plan as the formatters see it: weeks of sessions of prescribed exercises, and the notes
/// that explain them. Self-contained: a formatter needs nothing else.

#include "lbtrain/model/calendar.hpp"
#include "lbtrain/model/rules.hpp"

#include <cstddef>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lbtrain {

/// A sentence for the plan's notes, with what it is about and where the rule comes from.
struct Note {
  std::string topic;  ///< goals, exclusion, fallback, unfilled, merged, screening, schedule, progression, level, ...
  std::string text;
  std::string source;
  bool operator==(const Note&) const = default;
};

/// An immutable value that the copies of a prescription share (an exercise's cues are the same
/// on every day it is trained): copying it copies a pointer. It reads as the value it holds.
template <typename T>
class Shared {
 public:
  Shared() = default;
  Shared(T value) : value_(std::make_shared<const T>(std::move(value))) {}  // NOLINT(google-explicit-constructor)
  template <typename Item>
  Shared(std::initializer_list<Item> items) : Shared(T(items)) {}
  Shared(const char* text) : Shared(T(text)) {}  // NOLINT(google-explicit-constructor)

  const T& get() const { return value_ ? *value_ : none(); }
  operator const T&() const { return get(); }  // NOLINT(google-explicit-constructor)
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return get().empty(); }
  std::size_t size() const { return get().size(); }
  const auto& front() const { return get().front(); }
  const auto& operator[](std::size_t i) const { return get()[i]; }
  /// Equal values; the same one shared is equal at once.
  bool operator==(const Shared& other) const { return value_ == other.value_ || get() == other.get(); }

 private:
  static const T& none() {
    static const T empty_value;
    return empty_value;
  }
  std::shared_ptr<const T> value_;
};

/// An exercise named in a plan.
struct ExerciseRef {
  std::string id;
  std::string name;
  bool operator==(const ExerciseRef&) const = default;
};

/// An exercise that can take a prescribed one's place, with its own dose.
struct Alternative {
  ExerciseRef exercise;
  int sets = 1;
  DoseKind kind = DoseKind::reps;
  int value = 1;
  bool per_side = false;
  bool operator==(const Alternative&) const = default;
};

/// A load as a number, from the training log (`lbtrain next`, `lbtrain program`).
struct TargetLoad {
  double value = 0;
  std::string unit;   ///< "kg" or "lb"
  std::string basis;  ///< what it rests on: "logged 2026-11-23", "logged 2026-11-23 + 2.5 kg"
  bool operator==(const TargetLoad&) const = default;
};

/// One set as the log holds it, for a program's items.
struct DoneSet {
  int count = 0;               ///< reps, seconds or breaths
  std::optional<double> load;  ///< none: bodyweight
  std::string unit;            ///< "kg" or "lb" when there is a load
  std::optional<double> rir;
  std::optional<int> pain;  ///< back pain 0 to 10 logged with the set
  bool operator==(const DoneSet&) const = default;
};

/// What the log holds of an exercise on one date: its working sets (warm-ups left out).
struct DoneItem {
  std::string date;  ///< YYYY-MM-DD
  std::vector<DoneSet> sets;
  bool operator==(const DoneItem&) const = default;
};

/// One prescribed exercise in a session.
struct Prescription {
  ExerciseRef exercise;
  int sets = 1;
  DoseKind kind = DoseKind::reps;
  int value = 1;
  bool per_side = false;
  std::optional<Rir> rir;
  std::string tempo;
  int rest_seconds = 0;
  std::string load;
  // The exercise's texts, the same on every day (and usually every week) it is trained: shared by
  // the copies, so a 52-week plan does not copy them thousands of times.
  Shared<std::vector<std::string>> cues;
  Shared<std::vector<std::string>> safety;  ///< cues that keep the back safe, shown in every format
  std::string caution;                      ///< a screening instruction ("stop the set if back pain rises ...")
  std::string gate;                         ///< the check to pass before it enters, in the week it enters
  Shared<std::string> why;
  Shared<std::string> source;
  Shared<std::vector<Alternative>> alternatives;

  // What the planner knew, for adapting a program to the log; formatters do not print these.
  std::string progression;  ///< the progression scheme's id
  std::string phase;        ///< enters, build, deload, new_block or steady
  int block_top = 0;        ///< the highest count of this block of the scheme (0: not a building scheme)
  bool loaded = false;      ///< done with load (else bodyweight)

  // Set only in a program (`lbtrain next`, `lbtrain program`); empty in a plan.
  std::optional<TargetLoad> target_load;  ///< the load as a number, when the log knows one
  std::optional<DoneItem> last;           ///< last time's numbers, before this session
  std::optional<DoneItem> logged;         ///< a session done: what was logged against this item
  std::string adaptation;                 ///< why the dose differs from the plan as written
  /// Every member equal: a formatter writes an item's bytes once and repeats them.
  bool operator==(const Prescription&) const = default;
};

/// A warm-up, main or cool-down block.
struct SessionBlock {
  BlockKind kind = BlockKind::main;
  std::string title;
  int estimated_minutes = 0;
  std::vector<Prescription> items;
  /// Set only in a program's next session: the date of the last session done that had this very
  /// block (a warm-up or cool-down as it was then), so one session's short text can say it briefly.
  std::optional<Date> same_as;
};

/// One training day.
struct Session {
  int day = 1;
  std::optional<int> weekday;  ///< 0 = Monday; known with --start or --on
  std::optional<Date> date;    ///< known with --start
  int estimated_minutes = 0;
  std::vector<SessionBlock> blocks;
  // Set only in a program: "done" (logged), "next" or "ahead"; and what was said of the session
  // (a repeated session, a missed week).
  std::string status;
  std::vector<Note> notes;
};

/// One week of sessions.
struct Week {
  int number = 1;
  std::string note;  ///< an easier week, a new block, exercises entering; empty for an ordinary week
  std::vector<Session> sessions;
};

/// A goal as named in a plan.
struct PlanGoal {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> sources;
};

/// Why no plan was written: a screening answer that refuses one.
struct Refusal {
  std::string screening;  ///< the screening id, e.g. "injury"
  std::string label;
  std::string text;
  std::string source;
};

/// A complete plan.
struct Plan {
  std::vector<PlanGoal> goals;
  int weeks = 0;
  int days = 0;
  std::string level;
  std::string equipment_spec;
  std::vector<std::string> equipment;
  std::string catalogue_origin;
  std::string rules_origin;
  std::map<std::string, std::string> sources;
  std::vector<Note> notes;
  std::vector<std::string> reminders;  ///< short safety notes for a printed sheet, which has no room for notes
  std::optional<Date> start;       ///< --start
  std::vector<int> on;             ///< --on, as weekday indexes
  std::optional<int> at_minutes;   ///< --at
  int only_week = 0;               ///< --week; weeks_list then holds that week alone
  std::string title;               ///< --title: the heading of every format, "" for the usual one
  std::vector<Week> weeks_list;
  // Set only in a program: calendar events keep the program's identity across re-exports and
  // carry a sequence number that grows with the log, so a calendar updates them.
  std::string calendar_key;  ///< "" in a plan: the UIDs come from the request
  int calendar_sequence = 0;
};

}  // namespace lbtrain
