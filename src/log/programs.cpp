#include "log/programs.hpp"

#include "log/store.hpp"

#include <fmt/format.h>

namespace lbtrain::log {

std::optional<ProgramRow> current_program_row(Store& store) {
  SQLite::Statement q(database(store), "SELECT id, created_at, start, request FROM programs WHERE current = 1");
  if (!q.executeStep()) return std::nullopt;
  ProgramRow row;
  row.id = q.getColumn(0).getInt64();
  row.created_at = q.getColumn(1).getString();
  row.start = q.getColumn(2).getString();
  row.request = q.getColumn(3).getString();
  return row;
}

void save_program_row(Store& store, const std::string& start, const std::string& request) {
  SQLite::Statement retire(database(store), "UPDATE programs SET current = 0 WHERE current = 1");
  retire.exec();
  SQLite::Statement insert(database(store), "INSERT INTO programs (created_at, start, request) "
                                       "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)");
  insert.bind(1, start);
  insert.bind(2, request);
  insert.exec();
}

std::vector<LoggedSet> working_sets(Store& store) {
  std::vector<LoggedSet> sets;
  SetFilter working;
  working.working_only = true;
  each_set(store, working, [&](LoggedSet& set) { sets.push_back(std::move(set)); });
  return sets;
}

}  // namespace lbtrain::log
