#include "support/log_fixture.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

namespace lbtrain::test {

RunResult Log::run(std::vector<std::string> args, const std::vector<std::string>& more_env) const {
  args.push_back("--db");
  args.push_back(path);
  std::vector<std::string> all_env = env;
  all_env.insert(all_env.end(), more_env.begin(), more_env.end());
  return run_lbtrain(args, all_env);
}

RunResult Log::ok(const std::vector<std::string>& args) const {
  auto r = run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

RunResult Log::clean(const std::vector<std::string>& args) const {
  auto r = ok(args);
  CHECK(r.err.empty());
  return r;
}

std::string Log::out(const std::vector<std::string>& args) const { return ok(args).out; }

RunResult Log::import(const std::string& file, std::vector<std::string> more) const {
  more.insert(more.begin(), {"log", "import", file});
  return ok(more);
}

std::string Log::clean_import(const std::string& file, std::vector<std::string> more) const {
  more.insert(more.begin(), {"log", "import", file});
  return clean(more).out;
}

std::int64_t Log::count(const std::string& where) const {
  if (!std::filesystem::exists(path)) return 0;
  SQLite::Database db(path);
  return db.execAndGet("SELECT count(*) FROM sets WHERE " + where).getInt64();
}

std::int64_t Log::table_rows(const std::string& table) const {
  if (!std::filesystem::exists(path)) return 0;
  SQLite::Database db(path);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::string Log::text(const std::string& sql) const {
  SQLite::Database db(path);
  return db.execAndGet(sql).getString();
}

double Log::number(const std::string& sql) const {
  SQLite::Database db(path);
  return db.execAndGet(sql).getDouble();
}

}  // namespace lbtrain::test
