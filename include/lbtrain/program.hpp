#pragma once
/// A saved program and what the log makes of it: `lbtrain start` keeps the request of a plan in
/// the training log's database; `lbtrain next`, `lbtrain program` and `lbtrain report` rebuild
/// that plan (the same request gives the same plan) and adapt it to the sets logged since, by
/// the adaptation rules of the progression schemes (data/goals.json, "adaptation").

#include "lbtrain/model/calendar.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/log.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/screen.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace lbtrain {

/// How a program stands against its calendar, on a date.
struct Adherence {
  int sessions_planned = 0;  ///< sessions in the whole program
  int sessions_due = 0;      ///< sessions due before the date, on the program's original calendar
  int sessions_logged = 0;   ///< sessions done: logged sets matched to them
  int days_behind = 0;       ///< how far the next session is behind its original date
};

/// A program adapted to the log, on a date.
struct ProgramView {
  /// Every session of the program in order: the ones done (status "done", items with `logged`,
  /// dated as logged), the next one (status "next") and the ones ahead (status "ahead"), each
  /// with the dose the adaptation rules give and, when the log knows it, the load as a number.
  Plan plan;
  Adherence adherence;
  Date date;                   ///< the day it was worked out for
  std::string started;         ///< the program's first day, YYYY-MM-DD
  bool complete = false;       ///< every session is done
  std::vector<std::string> warnings;  ///< a data file of the program changed since `start`
  /// The exercises whose estimated 1RM the report shows (the rules' e1rm_categories and
  /// e1rm_equipment): barbell and dumbbell compound lifts.
  std::set<std::string> estimated_1rm;
};

/// A load step: "2.5kg", "5 lb", "2.5" (no unit: nullopt unit); a number over 0 and up to 50.
struct LoadStep {
  double value = 0;
  std::optional<LoadUnit> unit;
};
std::optional<LoadStep> parse_increment(std::string_view text);

/// `lbtrain start [plan options]`.
struct StartOptions {
  std::string db;
  PlanOptions plan;  ///< format, output, week and colour are not kept
  bool force = false;  ///< replace a current program without asking
};

/// What `lbtrain next`, `lbtrain program` and `lbtrain report` read.
struct ProgramQuery {
  std::string db;
  std::optional<Date> date;  ///< default: today
  std::string increment;     ///< "2.5kg", "5lb", or a number in `unit`; "" for the rules' steps
  std::string increment_where = "--increment";  ///< how an error about `increment` names it
  LoadUnit unit = LoadUnit::kg;                 ///< the unit of an increment given without one
};

/// `lbtrain start`: builds the plan the options ask for and saves it as the current program. A
/// current program is replaced with `force`, or when `confirm` (asked on a terminal; null
/// otherwise) says yes; else a usage Error. Screening's refusal saves nothing and is returned.
struct Started {
  std::string message;              ///< what was saved, for standard output
  std::optional<Refusal> refusal;   ///< nothing was saved
  std::vector<std::string> warnings;
};
Started start_program(const StartOptions& options, const std::function<bool(const std::string&)>& confirm);

/// The current program adapted to the log; a usage Error when there is none.
ProgramView view_program(const ProgramQuery& query);

/// `lbtrain done`: the next session logged as prescribed, but for what --except and --skip say.
struct DoneOptions {
  ProgramQuery query;                ///< the session `lbtrain next` gives for these
  std::vector<std::string> except;   ///< "EXERCISE NOTATION": what was really done of one exercise
  std::vector<std::string> skip;     ///< exercises left out
  bool again = false;                ///< log a session on a date that has one logged already
  LoadUnit unit = LoadUnit::kg;      ///< for a load in --except without a unit
  std::optional<int> pain;           ///< the worst back pain of the session, 0 to 10, on every exercise's sets
};

/// Logs the next session as one entry and returns what was logged (a line per exercise) and the
/// next session's headline. A usage Error, nothing written, when the date has a session logged
/// already (unless `again`), an --except or --skip names no main exercise of the session, or a
/// loaded exercise has no load yet and no --except.
std::string log_done_session(const DoneOptions& options);

/// `lbtrain next`: the next session as a one-session plan in the output format (or, when every
/// session is done, the note that says so).
std::string render_next(const ProgramView& view, const OutputOptions& output, const TextStyle& style);

/// `lbtrain program`: the whole program, done and ahead, in the output format.
std::string render_program(const ProgramView& view, const OutputOptions& output, const TextStyle& style);

}  // namespace lbtrain
