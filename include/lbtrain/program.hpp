#pragma once
/// A saved program and what the log makes of it: `lbtrain start` keeps the request of a plan in
/// the training log's database; `lbtrain next`, `lbtrain program` and `lbtrain report` rebuild
/// that plan (the same request gives the same plan) and adapt it to the sets logged since, by
/// the adaptation rules of the progression schemes (data/goals.json, "adaptation").

#include "lbtrain/calendar.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/request.hpp"

#include <optional>
#include <string>

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
  std::string started;         ///< when `lbtrain start` saved it, YYYY-MM-DD
  bool complete = false;       ///< every session is done
};

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
  std::string increment;     ///< "2.5kg", "5lb"; "" for the setting (or 2.5 kg / 5 lb)
};

}  // namespace lbtrain
