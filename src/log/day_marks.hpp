#pragma once
// What a day holds besides sets (schema version 5's marks): how the back is the morning after a
// session (`lbtrain log morning pain 3`), a warning sign (`lbtrain log flag leg-pain`), and that a
// doctor or physical therapist has cleared the back to train (`lbtrain log cleared`).

#include "lbtrain/log.hpp"
#include "log/store.hpp"

#include <string>
#include <vector>

namespace lbtrain::log {

/// One mark: kind "morning" (with pain), "flag" (with sign) or "cleared".
struct DayMark {
  std::string date;
  std::string kind;
  int pain = 0;
  std::string sign;
};

/// When `words` start with morning, flag or cleared: records that mark in one transaction and
/// returns what it recorded; "" when they do not (an exercise). A bad value, a morning with no
/// session the day before, or an unknown sign is a usage Error; nothing is written then.
std::string log_day_mark(const std::vector<std::string>& words, const std::string& date, const std::string& db);

/// Every mark of the log, oldest first (none when the log has no marks table yet).
std::vector<DayMark> read_marks(Store& store);

}  // namespace lbtrain::log
