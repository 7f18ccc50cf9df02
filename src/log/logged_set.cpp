#include "log/logged_set.hpp"

#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace lbtrain {

std::string_view to_string(LoadUnit unit) { return unit == LoadUnit::kg ? "kg" : "lb"; }

std::optional<LoadUnit> parse_load_unit(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "kg" || lower == "kgs") return LoadUnit::kg;
  if (lower == "lb" || lower == "lbs") return LoadUnit::lb;
  return std::nullopt;
}

namespace log {

const char* const e1rm_formula =
    "Epley: load x (1 + reps / 30), with reps + reps in reserve when RIR was logged; a single to "
    "failure is the load itself";

int max_count(DoseKind kind) {
  switch (kind) {
    case DoseKind::reps: return max_reps;
    case DoseKind::seconds: return max_seconds;
    case DoseKind::breaths: return max_breaths;
  }
  return max_reps;
}

double max_load(LoadUnit unit) { return unit == LoadUnit::kg ? max_load_kg : max_load_lb; }

std::string sets_limits_sql() {
  return fmt::format(
      "reps INTEGER CHECK (reps BETWEEN 1 AND {}),\n"
      "  seconds INTEGER CHECK (seconds BETWEEN 1 AND {}),\n"
      "  breaths INTEGER CHECK (breaths BETWEEN 1 AND {}),\n"
      "  load REAL CHECK (load > 0 AND load <= CASE unit WHEN 'kg' THEN {} ELSE {} END)",
      max_reps, max_seconds, max_breaths, max_load_kg, max_load_lb);
}

double in_kg(double load, LoadUnit unit) { return unit == LoadUnit::kg ? load : load * kg_per_lb; }

double convert(double load, LoadUnit from, LoadUnit to) {
  if (from == to) return load;
  return to == LoadUnit::kg ? load * kg_per_lb : load / kg_per_lb;
}

std::string_view count_noun(DoseKind kind) {
  switch (kind) {
    case DoseKind::reps: return "reps";
    case DoseKind::seconds: return "seconds";
    case DoseKind::breaths: return "breaths";
  }
  return "reps";
}

std::string count_problem(DoseKind kind, long long count) {
  if (count < 1) return fmt::format("a set has at least 1 {}", count == 0 ? count_noun(kind) : "(no negative numbers)");
  if (count > max_count(kind)) {
    return fmt::format("{} {} is more than {}, the most a set can have", count, count_noun(kind), max_count(kind));
  }
  return "";
}

std::string load_problem(double load, LoadUnit unit) {
  if (!(load > 0)) return "a load is more than 0 (leave it out, or write @bw, for bodyweight)";
  if (load > max_load(unit)) {
    return fmt::format("{} {} is more than {} {}, the heaviest load lbtrain takes", number_text(load), to_string(unit),
                       number_text(max_load(unit)), to_string(unit));
  }
  return "";
}

std::string rir_problem(double rir) {
  if (rir < 0 || rir > max_rir) return "reps in reserve are 0 to 10";
  return "";
}

std::string number_text(double value) { return fmt::format("{}", value); }

std::string source_text(const SetSource& source) {
  switch (source.kind) {
    case SetSource::Kind::typed: return "typed";
    case SetSource::Kind::import: return "import:" + source.file;
    case SetSource::Kind::program: return fmt::format("program:week {} day {}", source.week, source.day);
  }
  return "typed";
}

std::optional<SetSource> parse_source_text(std::string_view text) {
  SetSource source;
  if (text == "typed") return source;
  if (text.substr(0, 7) == "import:" && text.size() > 7) {
    source.kind = SetSource::Kind::import;
    source.file = std::string(text.substr(7));
    return source;
  }
  static const std::regex program("program:week ([1-9][0-9]?) day ([1-7])");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(text.begin(), text.end(), m, program)) {
    source.kind = SetSource::Kind::program;
    source.week = std::stoi(m[1].str());
    source.day = std::stoi(m[2].str());
    if (source.week > 52) return std::nullopt;  // a plan has at most 52 weeks, as the log's schema says
    return source;
  }
  return std::nullopt;
}

std::string session_label(std::string_view session) {
  if (session.empty()) return "";
  auto space = session.find(' ');
  std::string app(session.substr(0, space));
  std::string name = app == "strong" ? "Strong" : app == "hevy" ? "Hevy" : app == "fitnotes" ? "FitNotes" : app;
  if (space == std::string_view::npos) return "(" + name + ")";
  std::string time(session.substr(space + 1));
  if (time.size() == 8 && time.compare(5, 3, ":00") == 0) time.resize(5);  // 17:30:00 -> 17:30
  return time + " (" + name + ")";
}

namespace {

bool same_group(const LoggedSet& a, const LoggedSet& b) {
  return a.kind == b.kind && a.warmup == b.warmup && a.per_side == b.per_side;
}

template <typename T, typename Text>
std::string list_or_one(const std::vector<T>& values, Text text) {
  bool all_same = std::all_of(values.begin(), values.end(), [&](const T& v) { return v == values.front(); });
  if (all_same) return text(values.front());
  std::vector<std::string> parts;
  for (const auto& v : values) parts.push_back(text(v));
  return join(parts, ", ");
}

std::string loads_text(const std::vector<const LoggedSet*>& group) {
  bool any = std::any_of(group.begin(), group.end(), [](const LoggedSet* s) { return s->load.has_value(); });
  if (!any) return group.front()->kind == DoseKind::reps ? " bodyweight" : "";
  bool one_unit = std::all_of(group.begin(), group.end(),
                              [&](const LoggedSet* s) { return s->load && s->unit == group.front()->unit; });
  if (one_unit) {
    std::vector<double> loads;
    for (const auto* s : group) loads.push_back(*s->load);
    return " @ " + list_or_one(loads, number_text) + " " + std::string(to_string(group.front()->unit));
  }
  std::vector<std::string> parts;
  for (const auto* s : group) {
    parts.push_back(s->load ? number_text(*s->load) + " " + std::string(to_string(s->unit)) : "bodyweight");
  }
  return " @ " + join(parts, ", ");
}

std::string rir_text(const std::vector<const LoggedSet*>& group) {
  bool any = std::any_of(group.begin(), group.end(), [](const LoggedSet* s) { return s->rir.has_value(); });
  if (!any) return "";
  std::vector<std::string> values;
  for (const auto* s : group) values.push_back(s->rir ? number_text(*s->rir) : "-");
  return ", RIR " + list_or_one(values, [](const std::string& v) { return v; });
}

std::string group_text(const std::vector<const LoggedSet*>& group) {
  std::vector<int> counts;
  for (const auto* s : group) counts.push_back(s->count);
  bool all_same = std::all_of(counts.begin(), counts.end(), [&](int c) { return c == counts.front(); });
  std::string text = group.front()->warmup ? "warm-up " : "";
  if (all_same) {
    text += fmt::format("{} x {}", counts.size(), counts.front());
  } else {
    std::vector<std::string> parts;
    for (int c : counts) parts.push_back(std::to_string(c));
    text += join(parts, ", ");
  }
  DoseKind kind = group.front()->kind;
  text += kind == DoseKind::seconds ? " s" : kind == DoseKind::breaths ? " breaths" : "";
  if (group.front()->per_side) text += " per side";
  return text + loads_text(group) + rir_text(group);
}

}  // namespace

std::string set_text(const LoggedSet& set) {
  std::string text = std::to_string(set.count);
  text += set.kind == DoseKind::seconds ? " s" : set.kind == DoseKind::breaths ? " breaths" : "";
  if (set.per_side) text += " per side";
  text += loads_text({&set});
  return text + rir_text({&set});
}

std::string sets_text(const std::vector<LoggedSet>& sets) {
  std::vector<std::string> groups;
  std::vector<const LoggedSet*> group;
  for (const auto& set : sets) {
    if (!group.empty() && !same_group(*group.front(), set)) {
      groups.push_back(group_text(group));
      group.clear();
    }
    group.push_back(&set);
  }
  if (!group.empty()) groups.push_back(group_text(group));
  std::optional<int> pain;
  for (const auto& set : sets) {
    if (set.pain) pain = std::max(pain.value_or(0), *set.pain);
  }
  if (pain) groups.push_back(fmt::format("back pain {}/10", *pain));
  return join(groups, "; ");
}

std::optional<double> estimated_1rm(const LoggedSet& set, LoadUnit unit) {
  if (set.kind != DoseKind::reps || !set.load) return std::nullopt;
  double reps = set.count + set.rir.value_or(0);
  double load = convert(*set.load, set.unit, unit);
  if (reps <= 1) return load;
  return load * (1 + reps / 30);
}

double load_for_reps(double e1rm, double reps) { return reps <= 1 ? e1rm : e1rm / (1 + reps / 30); }

}  // namespace log
}  // namespace lbtrain
