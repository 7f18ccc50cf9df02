#pragma once
// The training log's settings on the command line: which database (--db, LBTRAIN_DB, the config
// file's db, the XDG default) and the default unit of a load (--unit, LBTRAIN_UNIT, the config
// file's unit, kg).

#include "lbtrain/log.hpp"
#include "lbtrain/program.hpp"
#include "lbtrain/app.hpp"

#include <string>

namespace lbtrain::cli {

/// The settings (environment, config file, defaults), read once a run: every command that
/// needs one reads it here.
const Settings& settings();

/// `given` (--db) when not empty, else the db setting.
std::string log_database(const std::string& given);

/// A --db value's problem for CLI11's check: "" is refused (it would mean the default silently).
std::string db_option_problem(const std::string& value);

/// Completes `query` with the load step: its increment as --increment gave it, else the
/// increment setting (errors name where it came from), and the unit setting for a bare number.
void resolve_increment(ProgramQuery& query);

/// The unit setting (LBTRAIN_UNIT, the config file's unit, or kg).
LoadUnit unit_setting();

/// Parses a --unit value; a usage Error naming `where` with the allowed units otherwise.
LoadUnit parse_unit_option(const std::string& text, const std::string& where);

/// --limit: a whole number of `what` (sessions, entries), 0 for all; more than an int holds is
/// all. CLI11's own conversion would say "Could not convert" for one past an int.
int parse_limit(const std::string& text, const std::string& what);

/// --pain (of `lbtrain done`): back pain, a whole number from 0 to 10; a usage Error naming the
/// value otherwise.
int parse_pain_option(const std::string& text);

}  // namespace lbtrain::cli
