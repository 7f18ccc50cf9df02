#pragma once
/// A lifter's program in a fresh training log, driven through the real binary: `start`, `log`
/// with --date, and `next --date D --format json`. Shared by the program tests.

#include "support/log_fixture.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lbtrain::test {

/// A program from Monday 2026-09-07 on Mondays and Thursdays, in a fresh log (Log: `run`, `ok`,
/// `out` and the queries run on it).
struct ProgramLog : Log {
  /// `start` with the program's options (`--goal ...`); the start date and days are added.
  explicit ProgramLog(const std::vector<std::string>& options);

  /// `lbtrain log EXERCISE PERFORMANCE... --date DATE`; the performance is split at spaces.
  void log(const std::string& exercise, const std::string& performance, const std::string& date) const;
  /// The plan `next --date DATE --format json` prints (one week, one session).
  nlohmann::json next_plan(const std::string& date) const;
  /// The next session as of `date`.
  nlohmann::json next(const std::string& date) const;
};

/// The item of `session` (a session of a plan's JSON) for exercise `id`; null when it has none.
nlohmann::json find_item(const nlohmann::json& session, const std::string& id);
/// The same, and the test stops (showing the session) when it has none.
nlohmann::json item_of(const nlohmann::json& session, const std::string& id);

/// The target load of an item (the test stops when it has none).
double target(const nlohmann::json& item);
/// The item's Why: how the program adapted it ("" when it says nothing).
std::string why(const nlohmann::json& item);
/// Whether the item's Why says the last session fell short.
bool blames_miss(const nlohmann::json& item);
/// The item done exactly as prescribed, in `lbtrain log` notation: sets x reps @ the target
/// load, at the top of its reserve ("3x12@20kg rir3").
std::string as_prescribed(const nlohmann::json& item);

/// The Monday and Thursday dates of the first six weeks from 2026-09-07.
const std::vector<std::string>& mon_thu_dates();

}  // namespace lbtrain::test
