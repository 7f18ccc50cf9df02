#pragma once
/// Dates for sessions: parsing --start, --on and --at, and which day of the week each session
/// falls on.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

using Date = std::chrono::sys_days;

/// Parses a strict YYYY-MM-DD calendar date; nullopt when it is not one.
std::optional<Date> parse_iso_date(std::string_view text);

/// "2026-11-23".
std::string iso_date(Date date);

/// Day of the week, 0 = Monday ... 6 = Sunday.
int weekday_index(Date date);

/// "mon", "tue", ... for a weekday index.
std::string_view weekday_short(int index);

/// "Mon", "Tue", ... for a weekday index.
std::string_view weekday_label(int index);

/// A weekday index from "mon" or "monday" (any case); nullopt when it is neither.
std::optional<int> parse_weekday(std::string_view text);

/// The weekday names accepted by parse_weekday, short forms first.
std::vector<std::string> weekday_names();

/// The years a training log holds. Its database's CHECKs allow 1000 to 2999; lbtrain writes
/// from 1900 on, the first year a plan may start, and checks before SQLite is asked.
inline constexpr int first_log_year = 1900;
inline constexpr int last_log_year = 2999;

/// "" when a set done on `date` can be logged on `today` (from first_log_year, and no later than
/// `slack_days` after today); else why not, such as "2027-01-02 is in the future (today is
/// 2026-12-02)".
std::string log_date_problem(Date date, Date today, int slack_days = 0);

/// Today's date in the local time zone.
Date today_local();

/// The first day on or after `from` that falls on `weekday` (0 = Monday).
Date next_weekday(Date from, int weekday);

/// Minutes after midnight from a strict HH:MM (00:00 to 23:59); nullopt when it is not one.
std::optional<int> parse_clock(std::string_view text);

/// "18:30" for minutes after midnight.
std::string clock_text(int minutes);

/// For `days` sessions a week in a week that starts on weekday `first`, the offset in days of
/// each session from the week's first day. `on` (weekday indexes) fixes the days; empty means
/// spread over the week (3 sessions: every other day).
std::vector<int> session_offsets(int days, int first, const std::vector<int>& on);

}  // namespace lbtrain
