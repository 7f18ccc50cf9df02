#include "lbtrain/model/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

namespace lbtrain {

namespace {

constexpr std::array<std::string_view, 7> short_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> labels{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_names{"monday", "tuesday", "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};

std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4));
  auto m = digits(text.substr(5, 2));
  auto d = digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string log_date_problem(Date date, Date today, int slack_days) {
  int year = static_cast<int>(std::chrono::year_month_day{date}.year());
  if (year < first_log_year) {
    return fmt::format("{} is before {}, the first year a training log holds", iso_date(date), first_log_year);
  }
  if (date > today + std::chrono::days{slack_days}) {
    return fmt::format("{} is in the future (today is {}); log what you did, once you did it", iso_date(date),
                       iso_date(today));
  }
  if (year > last_log_year) return fmt::format("{} is after {}, the last year a training log holds", iso_date(date), last_log_year);
  return "";
}

std::string iso_date(Date date) {
  std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

int weekday_index(Date date) {
  return static_cast<int>(std::chrono::weekday{date}.iso_encoding()) - 1;
}

std::string_view weekday_short(int index) { return short_names.at(static_cast<std::size_t>(index)); }

std::string_view weekday_label(int index) { return labels.at(static_cast<std::size_t>(index)); }

std::optional<int> parse_weekday(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < 7; ++i) {
    if (lower == short_names[i] || lower == long_names[i]) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::vector<std::string> weekday_names() {
  std::vector<std::string> names(short_names.begin(), short_names.end());
  names.insert(names.end(), long_names.begin(), long_names.end());
  return names;
}

Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return Date{std::chrono::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday};
}

Date next_weekday(Date from, int weekday) {
  return from + std::chrono::days{(weekday - weekday_index(from) + 7) % 7};
}

std::optional<int> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = digits(text.substr(0, 2));
  auto m = digits(text.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::string clock_text(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::vector<int> session_offsets(int days, int first, const std::vector<int>& on) {
  std::vector<int> offsets;
  if (on.empty()) {
    // Evenly over seven days: 2 -> 0, 3; 3 -> 0, 2, 4; 4 -> 0, 1, 3, 5.
    for (int i = 0; i < days; ++i) offsets.push_back(i * 7 / days);
  } else {
    for (int weekday : on) offsets.push_back((weekday - first + 7) % 7);
    std::sort(offsets.begin(), offsets.end());
  }
  return offsets;
}

}  // namespace lbtrain
