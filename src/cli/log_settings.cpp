#include "cli/log_settings.hpp"

#include "lbtrain/error.hpp"
#include "lbtrain/settings.hpp"
#include "text_match.hpp"

#include <cstdlib>

namespace lbtrain::cli {

namespace {
/// The settings, read once (log reads both db and unit).
const Settings& settings() {
  static const Settings loaded = load_settings(std::getenv);
  return loaded;
}
}  // namespace

std::string log_database(const std::string& given) {
  if (!given.empty()) return given;  // the shell has expanded ~ on the command line
  // In LBTRAIN_DB or the config file nothing expanded "~/"; a directory named "~" is never meant.
  std::string path = settings().get("db").value;
  const char* home = std::getenv("HOME");
  if (path.rfind("~/", 0) == 0 && home != nullptr && *home != '\0') path = std::string(home) + path.substr(1);
  return path;
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

}  // namespace lbtrain::cli
