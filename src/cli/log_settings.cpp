#include "cli/log_settings.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/app.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <limits>

namespace lbtrain::cli {

const Settings& settings() {
  static const Settings loaded = load_settings(std::getenv);
  return loaded;
}

std::string log_database(const std::string& given) {
  if (!given.empty()) return given;  // the shell has expanded ~ on the command line
  // In LBTRAIN_DB or the config file nothing expanded "~/"; a directory named "~" is never meant.
  std::string path = settings().get("db").value;
  const char* home = std::getenv("HOME");
  if (path.rfind("~/", 0) == 0 && home != nullptr && *home != '\0') path = std::string(home) + path.substr(1);
  if (path.empty()) {
    usage_error("there is no place for the training log: neither XDG_DATA_HOME nor HOME is set; set one of them "
                "(or LBTRAIN_DB), or give --db FILE");
  }
  return path;
}

std::string db_option_problem(const std::string& value) {
  return value.empty() ? "an empty file name; give the training log's file, or leave --db out for the default" : "";
}

void resolve_increment(ProgramQuery& query) {
  query.unit = unit_setting();
  if (!query.increment.empty()) {
    query.increment_where = "--increment";
    return;
  }
  const Setting& setting = settings().get("increment");
  query.increment = setting.value;
  query.increment_where = setting.where;
}

LoadUnit unit_setting() {
  // load_settings has checked the value, naming where it came from.
  return *parse_load_unit(settings().get("unit").value);
}

LoadUnit parse_unit_option(const std::string& text, const std::string& where) {
  auto unit = parse_load_unit(text);
  if (!unit) usage_error(unknown_value_message(where, "unit", text, {"kg", "lb"}, {"kg", "lb"}));
  return *unit;
}

int parse_limit(const std::string& text, const std::string& what) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
    usage_error(fmt::format("--limit: \"{}\" is not a number of {}; give a whole number, 0 for all", single_line(text),
                            what));
  }
  if (value < 0 || text.front() == '-') {
    usage_error(fmt::format("--limit: {} is not a number of {}; allowed: 0 (all) or more", single_line(text), what));
  }
  // More than a log can hold is all of them.
  if (error == std::errc::result_out_of_range || value > std::numeric_limits<int>::max()) return 0;
  return static_cast<int>(value);
}

int parse_pain_option(const std::string& text) {
  // As the notation's "pain N": one or two digits, at most 10 ("03" is 3).
  if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) > 10) {
    usage_error(fmt::format("--pain: \"{}\" is not a back pain; allowed: a whole number from 0 (none) to 10 (the worst "
                            "imaginable), such as --pain 3",
                            single_line(text)));
  }
  return std::stoi(text);
}

}  // namespace lbtrain::cli
