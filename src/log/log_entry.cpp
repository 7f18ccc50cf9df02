// `lbtrain log EXERCISE PERFORMANCE...` and `lbtrain log undo`: one entry, one transaction.

#include "lbtrain/read.hpp"
#include "lbtrain/log.hpp"

#include "log/day_marks.hpp"
#include "log/exercise_index.hpp"
#include "log/exercise_lookup.hpp"
#include "log/logged_set.hpp"
#include "log/notation.hpp"
#include "log/store.hpp"
#include "log/entries.hpp"

#include "format/escape.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <cctype>

namespace lbtrain {

std::string default_log_path(const Environment& env) {
  const char* xdg = env("XDG_DATA_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/lbtrain/lbtrain.db";
  const char* home = env("HOME");
  // With neither, there is no place for it ("/.local/share" is not one): "" is refused when used.
  if (!home || *home == '\0') return "";
  return std::string(home) + "/.local/share/lbtrain/lbtrain.db";
}

namespace {

using namespace log;

Date entry_date(const std::string& text) {
  Date today = today_local();
  if (text.empty() || text == "today") return today;
  if (text == "yesterday") return today - std::chrono::days(1);
  auto date = parse_iso_date(text);
  if (!date) {
    usage_error(fmt::format("--date: \"{}\" is not a date; give YYYY-MM-DD (such as {}), today or yesterday",
                            single_line(text), iso_date(today)));
  }
  if (auto why = log_date_problem(*date, today); !why.empty()) usage_error("--date: " + why);
  return *date;
}

SetSource entry_source(const LogEntryOptions& o) {
  if (o.week.has_value() != o.day.has_value()) usage_error("--week and --day go together: the program's week and day");
  if (!o.week) return {};
  if (*o.week < 1 || *o.week > 52) usage_error(fmt::format("--week: {} is not a week of a program; allowed: 1 to 52", *o.week));
  if (*o.day < 1 || *o.day > 7) usage_error(fmt::format("--day: {} is not a day of a program week; allowed: 1 to 7", *o.day));
  return {SetSource::Kind::program, "", *o.week, *o.day};
}

Catalogue catalogue_in_use(const std::vector<std::string>& paths) {
  if (paths.empty()) return builtin_log_catalogue();
  std::vector<Catalogue> layers;
  for (const auto& path : paths) {
    if (path == "builtin") layers.push_back(builtin_catalogue());
    else layers.push_back(load_catalogue_file(path, builtin_vocabulary()));
  }
  return merge_catalogues(std::move(layers));
}

/// The exercise's words: everything before the first word that starts a performance (a digit,
/// "@", rir, rpe, warmup); the first word always belongs to the exercise.
std::size_t exercise_words(const std::vector<std::string>& words) {
  std::size_t n = 1;
  while (n < words.size()) {
    std::string w;
    for (char c : words[n]) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool performance = w.empty() || std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '@' || w[0] == '-' ||
                       w.rfind("rir", 0) == 0 || w.rfind("rpe", 0) == 0 || w == "warmup" || w == "warm-up" ||
                       w.rfind("pain", 0) == 0;
    if (performance) break;
    ++n;
  }
  return n;
}

/// The groups as sets, checked against the limits for the kind each turns out to count.
std::vector<LoggedSet> sets_of(const std::vector<TypedGroup>& groups, const Exercise& exercise, const LogEntryOptions& o,
                               const std::string& date) {
  std::vector<LoggedSet> sets;
  SetSource source = entry_source(o);
  for (const auto& g : groups) {
    auto bad = [&](const std::string& why) { usage_error(fmt::format("\"{}\": {}", single_line(g.text), why)); };
    DoseKind kind = g.kind.value_or(exercise.dose.kind);
    LoadUnit unit = g.unit.value_or(o.unit);
    for (std::size_t i = 0; i < g.counts.size(); ++i) {
      LoggedSet set;
      set.date = date;
      set.exercise_id = exercise.id;
      set.exercise = exercise.name;
      set.kind = kind;
      set.count = g.counts[i];
      if (auto why = count_problem(kind, set.count); !why.empty()) bad(why);
      if (!g.loads.empty()) {
        set.load = g.loads[g.loads.size() == 1 ? 0 : i];
        set.unit = unit;
        if (auto why = load_problem(*set.load, unit); !why.empty()) bad(why);
      }
      if (!g.rir.empty()) set.rir = g.rir[g.rir.size() == 1 ? 0 : i];
      set.per_side = exercise.per_side;
      set.warmup = g.warmup;
      set.pain = g.pain;
      set.note = valid_utf8(o.note);
      set.source = source;
      sets.push_back(std::move(set));
    }
  }
  return sets;
}

std::string program_text(const SetSource& source) {
  return source.kind == SetSource::Kind::program ? fmt::format(", program week {} day {}", source.week, source.day) : "";
}

}  // namespace

std::vector<LoggedSet> typed_sets(const LogEntryOptions& options) {
  if (options.words.empty()) usage_error("name the exercise, then what you did: lbtrain log back-extension 3x12@20kg");
  std::string date = iso_date(entry_date(options.date));
  const std::string note = valid_utf8(options.note);
  std::size_t note_chars = 0;
  for (char c : note) note_chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (note_chars > max_note_chars) {
    usage_error(fmt::format("--note: {} characters; lbtrain keeps a note of up to {}", note_chars, max_note_chars));
  }
  std::size_t split = exercise_words(options.words);
  std::vector<std::string> rest(options.words.begin() + static_cast<std::ptrdiff_t>(split), options.words.end());
  auto groups = parse_notation(rest);
  std::string name;
  for (std::size_t i = 0; i < split; ++i) name += (i ? " " : "") + options.words[i];
  Catalogue catalogue = catalogue_in_use(options.catalogues);
  const Exercise& exercise = find_exercise(catalogue, name);
  return sets_of(groups, exercise, options, date);
}

LogEntryResult log_entry(const LogEntryOptions& options) {
  if (!options.words.empty()) {
    std::string day = iso_date(entry_date(options.date));
    if (auto said = log_day_mark(options.words, day, options.db); !said.empty()) return {said, {}};
  }
  std::vector<LoggedSet> sets = typed_sets(options);
  const std::string& date = sets.front().date;
  std::string summary = fmt::format("{} {}: {}", date, sets.front().exercise, sets_text(sets));
  LogEntryResult result;
  Store store = Store::open(options.db, Store::Access::write);
  int first = 0;
  store.write([&] {
    if (auto same = entry_with_same_sets(store, sets)) {
      result.warnings.push_back(single_line(fmt::format(
          "entry {} has these sets of {} on {} already ({}); this entry adds them again ('lbtrain log undo' takes it "
          "back)",
          same->id, sets.front().exercise, date, same->summary)));
    }
    std::int64_t entry = store.add_entry("typed", summary);
    first = insert_after_day_sets(store, sets, entry);
  });
  int last = first + static_cast<int>(sets.size()) - 1;
  std::string numbers = first == last ? fmt::format("set {}", first) : fmt::format("sets {}-{}", first, last);
  result.text = single_line(fmt::format("Logged {} ({}{})", summary, numbers, program_text(sets.front().source))) + "\n";
  return result;
}

}  // namespace lbtrain
