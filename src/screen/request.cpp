#include "lbtrain/screen.hpp"

#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace lbtrain {

namespace {

// "unknown goal \"x\"; did you mean \"y\"? Choose from: a, b, c"
[[noreturn]] void unknown_value(std::string_view option, std::string_view what,
                                const std::string& value, const std::vector<std::string>& suggest_from,
                                const std::vector<std::string>& allowed) {
  usage_error(unknown_value_message(option, what, value, suggest_from, allowed));
}

int parse_count(std::string_view option, const std::string& value, int min, int max) {
  int number = 0;
  const char* begin = value.data();
  const char* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(begin, end, number);
  bool digits_only = !value.empty() &&
                     std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits_only || ptr != end) {
    usage_error(fmt::format("{}: \"{}\" is not a whole number; allowed: {} to {}", option, value, min, max));
  }
  if (ec == std::errc::result_out_of_range || number < min || number > max) {
    usage_error(fmt::format("{}: {} is out of range; allowed: {} to {}", option, value, min, max));
  }
  return number;
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> items;
  std::string current;
  for (char c : value + ",") {
    if (c == ',') {
      auto first = current.find_first_not_of(" \t");
      auto last = current.find_last_not_of(" \t");
      items.push_back(first == std::string::npos ? "" : current.substr(first, last - first + 1));
      current.clear();
    } else {
      current += c;
    }
  }
  return items;
}


void resolve_dates(const PlanOptions& options, Request& request) {
  if (options.start) {
    request.start = parse_iso_date(*options.start);
    // Calendars and spreadsheets read four-digit years; a 52-week plan must end before 10000.
    if (request.start && (*options.start < "1900" || *options.start >= "9000")) request.start.reset();
    if (!request.start) {
      usage_error(fmt::format("{}: \"{}\" is not a date from 1900 to 8999; give the first day of the plan as "
                              "YYYY-MM-DD, such as 2026-11-23",
                              options.where_of("start"), *options.start));
    }
  }
  if (options.on) {
    for (const auto& name : split_list(*options.on)) {
      auto weekday = parse_weekday(name);
      if (!weekday) {
        std::vector<std::string> all = weekday_names();
        unknown_value("--on", "weekday", name, all, std::vector<std::string>(all.begin(), all.begin() + 7));
      }
      if (std::find(request.on.begin(), request.on.end(), *weekday) != request.on.end()) {
        usage_error(fmt::format("--on: \"{}\" is given twice in \"{}\"; name each training day once", name, *options.on));
      }
      request.on.push_back(*weekday);
    }
    int count = static_cast<int>(request.on.size());
    if (!request.days_from_goal && count != request.days) {
      usage_error(fmt::format("--on names {} day{} but --days is {}; give as many weekdays as sessions a week",
                              count, count == 1 ? "" : "s", request.days));
    }
    request.days = count;
    request.days_from_goal = false;
  }
  if (options.at) {
    request.at_minutes = parse_clock(*options.at);
    if (!request.at_minutes) {
      usage_error(fmt::format("--at: \"{}\" is not a time of day; give it as HH:MM (24-hour), such as 18:30",
                              *options.at));
    }
  }
  if (request.format == Format::ics && !request.start) {
    usage_error("--format ics needs --start YYYY-MM-DD, the date of the first day of the plan "
                "(a calendar needs real dates)");
  }
  if (options.week) {
    // A week past the end is named as such: the plan has only --weeks weeks.
    request.only_week = parse_count("--week", *options.week, 1, 52);
    if (request.only_week > request.weeks) {
      usage_error(fmt::format("--week: this plan has {} week{}, so there is no week {}; allowed: 1 to {}",
                              request.weeks, request.weeks == 1 ? "" : "s", request.only_week, request.weeks));
    }
  }
}

}  // namespace

std::vector<std::string> resolve_equipment(const std::string& spec, const Vocabulary& vocabulary,
                                           const std::string& where) {
  std::vector<std::string> names = vocabulary.equipment;
  std::vector<std::string> allowed;
  for (const auto& [preset, items] : vocabulary.equipment_presets) allowed.push_back(preset);
  allowed.insert(allowed.end(), vocabulary.equipment.begin(), vocabulary.equipment.end());
  std::vector<std::string> chosen{"none"};
  for (const auto& item : split_list(spec)) {
    if (item.empty()) {
      usage_error(fmt::format("{}: empty item in \"{}\"; give a comma-separated list such "
                              "as \"dumbbell,band\"",
                              where, spec));
    }
    auto preset = vocabulary.equipment_presets.find(item);
    if (preset != vocabulary.equipment_presets.end()) {
      chosen.insert(chosen.end(), preset->second.begin(), preset->second.end());
    } else if (std::find(names.begin(), names.end(), item) != names.end()) {
      chosen.push_back(item);
    } else {
      unknown_value(where, "equipment", item, allowed, allowed);
    }
  }
  std::vector<std::string> ordered;
  for (const auto& name : vocabulary.equipment) {
    if (std::find(chosen.begin(), chosen.end(), name) != chosen.end()) ordered.push_back(name);
  }
  return ordered;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names{"text", "json", "sheet", "markdown", "csv", "html", "ics"};
  return names;
}

std::string PlanOptions::where_of(const std::string& key) const {
  auto it = where.find(key);
  return it == where.end() ? "--" + key : it->second;
}

const std::vector<std::string>& color_modes() {
  static const std::vector<std::string> modes{"auto", "always", "never"};
  return modes;
}

ColorMode parse_color(const std::string& value, const std::string& where) {
  const auto& modes = color_modes();
  auto it = std::find(modes.begin(), modes.end(), value);
  if (it == modes.end()) unknown_value(where, "colour mode", value, modes, modes);
  return static_cast<ColorMode>(it - modes.begin());
}

OutputOptions resolve_output(const OutputRequest& given) {
  OutputOptions output;
  output.format = parse_format(given.format, given.format_where);
  output.color = parse_color(given.color, given.color_where);
  output.compact = given.compact;
  output.details = given.details;
  if (output.compact && output.format != Format::json) {
    usage_error(fmt::format("--compact works only with --format json; the format is {}{}", given.format,
                            given.format_where == "--format" ? "" : " (from " + given.format_where + ")"));
  }
  output.to_stdout = given.output.empty() || given.output == "-";
  return output;
}

OutputOptions resolve_output(const PlanOptions& options) {
  return resolve_output(OutputRequest{options.format, options.color, options.compact, options.details,
                                      options.output, options.where_of("format"), options.where_of("color")});
}

Format parse_format(const std::string& value, const std::string& where) {
  const auto& names = format_names();
  auto it = std::find(names.begin(), names.end(), value);
  if (it == names.end()) unknown_value(where, "format", value, names, names);
  return static_cast<Format>(it - names.begin());
}

Request resolve_request(const PlanOptions& options, const OutputOptions& output, const DataSet& data) {
  Request request;
  const Rules& rules = data.rules;
  std::vector<std::string> goal_ids;
  std::vector<std::string> goal_names;
  for (const auto& goal : rules.goals) {
    goal_ids.push_back(goal.id);
    goal_names.push_back(goal.id);
    goal_names.insert(goal_names.end(), goal.aliases.begin(), goal.aliases.end());
  }
  if (options.goals.empty()) {
    usage_error(fmt::format("--goal is required; choose one of: {}", join(goal_ids, ", ")));
  }
  for (const auto& name : options.goals) {
    const Goal* goal = rules.find_goal(name);
    if (!goal) unknown_value("--goal", "goal", name, goal_names, goal_ids);
    if (std::find(request.goals.begin(), request.goals.end(), goal) == request.goals.end()) {
      request.goals.push_back(goal);
    }
  }
  request.weeks = parse_count("--weeks", options.weeks, 1, 52);
  if (options.days) {
    request.days = parse_count(options.where_of("days"), *options.days, 1, 7);
    request.days_from_goal = false;
  } else {
    request.days = 1;
    for (const Goal* goal : request.goals) request.days = std::max(request.days, goal->default_days);
  }
  const auto& levels = data.vocabulary->levels;
  if (std::find(levels.begin(), levels.end(), options.level) == levels.end()) {
    unknown_value(options.where_of("level"), "level", options.level, levels, levels);
  }
  request.level = options.level;
  request.equipment_spec = options.equipment;
  if (options.title) {
    // A heading the formatters escape for their own format; it must fit on a heading line.
    if (options.title->find_first_not_of(" \t") == std::string::npos) {
      usage_error("--title: give a title, such as \"Anna: block 1\" (or leave --title out)");
    }
    if (options.title->size() > 120) {
      usage_error(fmt::format("--title: {} bytes is too long for a heading; give at most 120", options.title->size()));
    }
    request.title = *options.title;
  }
  request.equipment = resolve_equipment(options.equipment, *data.vocabulary, options.where_of("equipment"));
  request.format = output.format;
  resolve_dates(options, request);
  request.flags = options.flags;
  request.choices = options.choices;
  request.exclude = options.exclude;
  return request;
}

}  // namespace lbtrain
