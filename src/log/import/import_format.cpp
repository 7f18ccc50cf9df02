#include "log/import/import_format.hpp"

#include "log/import/export_languages.hpp"
#include "log/logged_set.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/calendar.hpp"
#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lbtrain::log {

Header::Header(const std::vector<std::string_view>& fields) {
  for (auto f : fields) {
    std::string name(f);
    // Trim the spaces some tools write after a delimiter.
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    // No column name is long; a long one (a file that is no export) is not looked up.
    std::string english = name.size() <= 100 ? english_column(name) : name;
    english_.push_back(english == name ? std::string() : std::move(english));
    names_.push_back(std::move(name));
  }
}

int Header::find(std::initializer_list<std::string_view> wanted) const {
  for (const auto* list : {&names_, &english_}) {
    for (auto w : wanted) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].empty() && (*list)[i] == w) return static_cast<int>(i);
      }
    }
  }
  return -1;
}

Row::Row(const std::vector<std::string_view>& fields, const Header& header, std::size_t line, bool decimal_comma)
    : fields_(fields), header_(header), line_(line), decimal_comma_(decimal_comma) {}

std::string_view Row::text(int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= fields_.size()) return {};
  return fields_[static_cast<std::size_t>(column)];
}

std::string RowProblem::text(const std::string& origin) const {
  if (column.empty()) return fmt::format("{}:{}: {}", origin, line, why);
  return fmt::format("{}:{}: column \"{}\": \"{}\": {}", origin, line, single_line(column), single_line(value), why);
}

std::string Row::column_name(int column) const {
  return column >= 0 && static_cast<std::size_t>(column) < header_.names().size()
             ? header_.names()[static_cast<std::size_t>(column)]
             : "?";
}

void Row::fail(int column, const std::string& why) const {
  throw BadRow({line_, column_name(column), std::string(text(column)), why});
}

void Row::fail(const std::string& why) const { throw BadRow({line_, "", "", why}); }

std::optional<double> Row::number(int column) const {
  std::string_view t = text(column);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty()) return std::nullopt;
  std::string comma;  // "22,5" in a file separated by semicolons
  if (decimal_comma_ && t.find(',') != std::string_view::npos) {
    comma = std::string(t);
    std::replace(comma.begin(), comma.end(), ',', '.');
    t = comma;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) fail(column, "not a number");
  return value;
}

std::optional<long long> Row::whole(int column) const {
  auto value = number(column);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value) || std::fabs(*value) > 1e9) fail(column, "not a whole number");
  return static_cast<long long>(*value);
}

const std::vector<ImportFormat>& import_formats() {
  static const std::vector<ImportFormat> formats{lbtrain_format(), strong_format(), hevy_format(), fitnotes_format()};
  return formats;
}

namespace {

/// A cursor over a date or time text; each step consumes what it matched, or nothing.
struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos == text.size(); }
  bool literal(std::string_view what) {
    if (text.substr(pos, what.size()) != what) return false;
    pos += what.size();
    return true;
  }
  /// `min` to `max` digits.
  std::optional<int> digits(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    int value = 0;
    while (n < max && pos + n < text.size() && text[pos + n] >= '0' && text[pos + n] <= '9') {
      value = value * 10 + (text[pos + n] - '0');
      ++n;
    }
    if (n < min) return std::nullopt;
    pos += n;
    return value;
  }
};

/// "18:30", "6:30:00 PM" (after a space, a no-break space or a narrow no-break space, as iOS
/// writes it) as "18:30" or "18:30:00"; nullopt otherwise.
std::optional<std::string> read_clock(Cursor& c) {
  auto h = c.digits(1, 2);
  if (!h || !c.literal(":")) return std::nullopt;
  auto m = c.digits(2, 2);
  if (!m || *m > 59) return std::nullopt;
  std::optional<int> sec;
  if (c.literal(":")) {
    sec = c.digits(2, 2);
    if (!sec || *sec > 59) return std::nullopt;
  }
  Cursor half = c;
  if (!half.literal(" ") && !half.literal("\xC2\xA0")) half.literal("\xE2\x80\xAF");
  bool pm = half.literal("PM") || half.literal("pm");
  bool am = !pm && (half.literal("AM") || half.literal("am"));
  int hour = *h;
  if (am || pm) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (pm ? 12 : 0);
    c = half;
  }
  if (hour > 23) return std::nullopt;
  return sec ? fmt::format("{:02}:{:02}:{:02}", hour, *m, *sec) : fmt::format("{:02}:{:02}", hour, *m);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> parse_date_time(std::string_view text) {
  Cursor c{text};
  std::string date, time;
  if (text.size() >= 10 && text[4] == '-') {
    // ISO: 2024-03-04, then an optional time after a space or T.
    date = std::string(text.substr(0, 10));
    c.pos = 10;
    if (!c.done()) {
      if (!c.literal(" ") && !c.literal("T")) return std::nullopt;
      auto t = read_clock(c);
      if (!t) return std::nullopt;
      time = *t;
    }
  } else {
    // Hevy: "5 Mar 2024, 18:00", the month in the app's language ("11 Nis 2026, 13:05").
    auto day = c.digits(1, 2);
    if (!day || !c.literal(" ")) return std::nullopt;
    std::size_t space = text.find(' ', c.pos);
    if (space == std::string_view::npos) return std::nullopt;
    auto month = month_number(text.substr(c.pos, space - c.pos));
    c.pos = space;
    if (!month || !c.literal(" ")) return std::nullopt;
    auto year = c.digits(4, 4);
    if (!year) return std::nullopt;
    c.literal(",");
    if (!c.literal(" ")) return std::nullopt;
    auto t = read_clock(c);
    if (!t) return std::nullopt;
    date = fmt::format("{:04}-{:02}-{:02}", *year, *month, *day);
    time = *t;
  }
  if (!c.done() || !parse_iso_date(date)) return std::nullopt;
  return std::make_pair(date, time);
}

std::optional<double> rir_from_rpe(const Row& row, int column) {
  auto rpe = row.number(column);
  if (!rpe) return std::nullopt;
  if (*rpe < 0 || *rpe > 10) row.fail(column, "RPE is 0 to 10 (reps in reserve are 10 - RPE)");
  return 10 - *rpe;
}

void check_unit_option(const ImportContext& context, LoadUnit stated, const std::string& column) {
  if (!context.unit || *context.unit == stated) return;
  usage_error(fmt::format("--unit {} contradicts {}: its column \"{}\" says the weights are in {}; leave --unit out",
                          to_string(*context.unit), context.origin, single_line(column), to_string(stated)));
}

void check_unit_option(const ImportContext& context, LoadUnit stated, const Row& row, int column) {
  if (!context.unit || *context.unit == stated) return;
  usage_error(fmt::format("--unit {} contradicts {}:{}: its column \"{}\" says this row's weight is in {}; leave "
                          "--unit out",
                          to_string(*context.unit), context.origin, row.line(), single_line(row.column_name(column)),
                          to_string(stated)));
}

std::string note_text(std::string_view text) {
  std::string note;
  note.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      note += '\n';
      ++i;
    } else {
      note += text[i];
    }
  }
  return note;
}

void add_note(LoggedSet& set, std::string_view text) {
  if (text.empty()) return;
  std::string note = note_text(text);
  set.note = set.note.empty() ? std::move(note) : note + "\n" + set.note;
}

namespace {

ImportedRow::Kind work_kind(const Row& row, const WorkColumns& columns, std::optional<double> seconds, LoadUnit unit,
                            LoggedSet& set, bool& carried) {
  auto distance = row.number(columns.distance);
  auto load = row.number(columns.load);
  const bool carry = distance && *distance > 0 && load && *load > 0;
  if (distance && *distance > 0 && !carry) return ImportedRow::Kind::cardio;
  auto reps = row.whole(columns.reps);
  if (reps && *reps != 0) {
    if (auto why = count_problem(DoseKind::reps, *reps); !why.empty()) row.fail(columns.reps, why);
    set.kind = DoseKind::reps;
    set.count = static_cast<int>(*reps);
  } else if (seconds && *seconds != 0) {
    if (*seconds < 0 || *seconds != std::floor(*seconds)) row.fail(columns.seconds, "seconds are a whole number over 0");
    if (*seconds > max_seconds) {
      if (carry) row.fail(columns.seconds, fmt::format("a loaded carry of more than {} seconds", max_seconds));
      return ImportedRow::Kind::cardio;
    }
    set.kind = DoseKind::seconds;
    set.count = static_cast<int>(*seconds);
  } else {
    if (reps && *reps < 0) row.fail(columns.reps, "no negative reps");
    return carry ? ImportedRow::Kind::carry : ImportedRow::Kind::empty;
  }
  if (carry) {
    std::string distance_unit(columns.distance_unit_column >= 0 ? row.text(columns.distance_unit_column)
                                                                : std::string_view(columns.distance_unit));
    set.note = "carried " + number_text(*distance) + (distance_unit.empty() ? "" : " " + distance_unit);
    carried = true;
  }
  if (load && *load != 0) {
    if (auto why = load_problem(*load, unit); !why.empty()) row.fail(columns.load, why);
    // Apps that keep kilograms write pounds with the conversion's noise (37.49999999999999):
    // the load as the lifter entered it is the nearest millionth.
    set.load = std::round(*load * 1e6) / 1e6;
    set.unit = unit;
  }
  return ImportedRow::Kind::set;
}

}  // namespace

void read_work(const Row& row, const WorkColumns& columns, std::optional<double> seconds, LoadUnit unit,
               ImportedRow& out) {
  out.kind = work_kind(row, columns, seconds, unit, out.set, out.carry);
}

}  // namespace lbtrain::log

namespace lbtrain::log {

const std::pair<std::string, std::string>* DateTimeCache::parse(std::string_view text) {
  if (!valid_ || text != text_) {
    text_ = std::string(text);
    auto parsed = parse_date_time(text);
    valid_ = true;
    ok_ = parsed.has_value();
    if (ok_) value_ = std::move(*parsed);
  }
  return ok_ ? &value_ : nullptr;
}

}  // namespace lbtrain::log
