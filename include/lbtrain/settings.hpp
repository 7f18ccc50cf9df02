#pragma once
/// User settings: defaults for `lbtrain plan` and the training log (`unit`, `db`) from the
/// command line, LBTRAIN_* environment variables, the config file
/// ($XDG_CONFIG_HOME/lbtrain/config.json) and built-in defaults, in that order of precedence.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain {

/// Looks up an environment variable; nullptr when it is not set.
using Environment = std::function<const char*(const char*)>;

/// One setting, its effective value and where that value came from.
struct Setting {
  std::string key;          ///< "level"
  std::string value;        ///< "" when unset and there is no built-in default
  std::string origin;       ///< "default", "config" or "environment"
  std::string where;        ///< how errors name it: "--level", "LBTRAIN_LEVEL", "FILE: level"
};

/// Every setting, in a fixed order.
struct Settings {
  std::string config_path;
  bool config_found = false;
  std::vector<Setting> items;

  const Setting& get(const std::string& key) const;
  Setting& get(const std::string& key);
};

/// The keys a config file may hold and their LBTRAIN_* variables, in order.
const std::vector<std::string>& setting_keys();

/// LBTRAIN_LEVEL for "level".
std::string environment_name(const std::string& key);

/// $XDG_CONFIG_HOME/lbtrain/config.json, or ~/.config/lbtrain/config.json.
std::string config_path(const Environment& env);

/// Built-in defaults, then the config file (when it exists), then LBTRAIN_* variables. A
/// config file that is malformed, holds an unknown key or a value of the wrong type or out of
/// range is an error naming the file, and the line and column for a syntax error.
Settings load_settings(const Environment& env);

/// `lbtrain config set KEY VALUE`: checks KEY and VALUE as a config file's are checked when read
/// (a usage error naming them, with the nearest valid value), then writes the config file with
/// KEY set, atomically (created with its directory when missing; the other keys kept). Returns
/// the config file's path.
std::string set_config_value(const Environment& env, const std::string& key, const std::string& value);

/// `lbtrain config unset KEY`: the config file without KEY, written atomically. Returns whether
/// the file held KEY.
bool unset_config_value(const Environment& env, const std::string& key);

}  // namespace lbtrain
