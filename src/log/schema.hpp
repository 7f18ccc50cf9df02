#pragma once
// The log's database schema, versioned by PRAGMA user_version: migration N takes a database at
// version N-1 to version N. A migration, once released, never changes; a change to the schema
// is a new migration at the end of the list (and a fixture for its predecessor in
// tests/unit/log_store_test.cpp, which migrates every earlier version).

#include <cstdint>
#include <string_view>
#include <vector>

namespace lbtrain::log {

/// PRAGMA application_id of an lbtrain log: "lbtr".
inline constexpr std::int32_t application_id = 0x6C627472;

/// The SQL of each migration; migrations()[N - 1] takes version N-1 to N.
const std::vector<std::string_view>& migrations();

/// The schema version this lbtrain writes: the number of migrations.
int schema_version();

}  // namespace lbtrain::log
