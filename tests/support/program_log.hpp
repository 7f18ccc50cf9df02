#pragma once
/// A lifter's program in a fresh training log, driven through the real binary: `start`, `log`
/// with --date, and `next --date D --format json`. Shared by the program tests.

#include "helpers.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lbtrain::test {

/// A program from Monday 2026-09-07 on Mondays and Thursdays, in a fresh log.
struct ProgramLog {
  std::string db = temp_dir() + "/lbtrain.db";

  /// `start` with the program's options (`--goal ...`); the start date and days are added.
  explicit ProgramLog(const std::vector<std::string>& options);

  /// lbtrain with `args` on this log.
  RunResult run(std::vector<std::string> args) const;
  /// lbtrain with `args` on this log; the test fails unless it exits 0. Returns stdout.
  std::string ok(const std::vector<std::string>& args) const;
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

/// The Monday and Thursday dates of the first six weeks from 2026-09-07.
const std::vector<std::string>& mon_thu_dates();

}  // namespace lbtrain::test
