#include "log/store.hpp"

#include "log/logged_set.hpp"
#include "log/schema.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <sqlite3.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace lbtrain::log {

namespace fs = std::filesystem;

namespace {

/// Creates the missing directories above `path`, each 0700 (the log is health data); existing
/// ones are left as they are.
void create_parents(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = parent; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      data_error(fmt::format("cannot create the directory \"{}\" for the training log: {}", it->string(),
                             std::strerror(errno)));
    }
  }
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    data_error(fmt::format("cannot create the training log \"{}\": \"{}\" is not a directory", path, parent.string()));
  }
}

/// Creates an empty file 0600 (SQLite makes it a database; its -wal and -shm files take the same
/// mode). Another lbtrain creating it at the same moment is fine.
void create_file(const std::string& path) {
  create_parents(path);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    data_error(fmt::format("cannot create the training log \"{}\": {}", path, std::strerror(errno)));
  }
  ::fchmod(fd, 0600);
  ::close(fd);
}

/// Refuses, before SQLite opens it, a path that is a directory or a special file, a file that
/// is not an SQLite database, or (for writing) one that is read-only.
void check_file(const std::string& path, const struct stat& info, Store::Access access) {
  if (S_ISDIR(info.st_mode)) {
    data_error(fmt::format("\"{}\" is a directory, not a training log; give --db a file name such as \"{}/lbtrain.db\"",
                           path, path));
  }
  if (!S_ISREG(info.st_mode)) data_error(fmt::format("\"{}\" is not a regular file, so it cannot be a training log", path));
  if (access == Store::Access::write && ((info.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0)) {
    data_error(fmt::format("\"{}\" is read-only, so lbtrain cannot add to the training log (it left the file as it "
                           "was); make it writable or give --db another file",
                           path));
  }
  if (info.st_size == 0) return;  // an empty file becomes a new log
  char header[16] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(header, sizeof header);
  if (!in || std::memcmp(header, "SQLite format 3", 16) != 0) {
    data_error(fmt::format("\"{}\" is not an SQLite database (it does not start with \"SQLite format 3\"), so it is not a "
                           "training log; lbtrain left it as it was: give --db another file",
                           path));
  }
}

/// The name SQLite opens a read-only log by. A read-only connection to a WAL database creates -wal
/// and -shm files beside it, with the log's mode, and leaves them (only a writer removes them);
/// once the log is writable again SQLite cannot use that read-only -shm and refuses to write.
/// With no -wal beside the log everything is in the file itself and nobody is writing it, so it
/// is opened immutable: no -wal, no -shm, no locks.
/// A symbolic link is followed first: SQLite keeps the -wal beside the file the link names.
std::string read_only_name(const std::string& given, int& flags) {
  std::error_code ec;
  fs::path real = fs::canonical(given, ec);
  const std::string path = ec ? given : real.string();
  if (fs::exists(path + "-wal", ec) || ec) return path;
  flags |= SQLite::OPEN_URI;
  std::string uri = path.front() == '/' ? "file://" : "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) uri += static_cast<char>(c);
    else uri += fmt::format("%{:02X}", c);
  }
  return uri + "?immutable=1";
}

/// Whether SQLite could make the -wal and -shm files its WAL mode needs beside the log, when
/// there are none: not in a directory lbtrain cannot write, nor on a file system with no room for
/// a -shm (its first 32 KiB) or no inode left. SQLite would fail there after making an empty -wal
/// and a 3-byte -shm, and leave them. With no -wal nobody is writing the log, and nobody can start
/// to (a writer needs the same files), so a reader reads it immutable instead.
enum class SideFiles { possible, read_only_directory, full_disk };

SideFiles side_files(const std::string& given) {
  std::error_code ec;
  fs::path real = fs::canonical(given, ec);
  const std::string path = ec ? given : real.string();
  if (fs::exists(path + "-wal", ec) || ec) return SideFiles::possible;
  const fs::path parent = fs::path(path).parent_path();
  const char* dir = parent.empty() ? "." : parent.c_str();
  if (::access(dir, W_OK) != 0) return SideFiles::read_only_directory;
  struct statvfs room {};
  if (::statvfs(dir, &room) != 0) return SideFiles::possible;
  const bool root = ::geteuid() == 0;  // root may use the blocks and inodes kept for it
  const auto blocks = root ? room.f_bfree : room.f_bavail;
  const auto inodes = root ? room.f_ffree : room.f_favail;
  const bool full = blocks * room.f_frsize < 64 * 1024 || (room.f_files > 0 && inodes < 2);
  return full ? SideFiles::full_disk : SideFiles::possible;
}

/// True when the file's own header (a -wal aside) is that of an lbtrain log of a version this
/// lbtrain knows: application_id at byte 68, user_version at byte 60, both big-endian.
bool header_is_known_log(const std::string& path) {
  unsigned char h[100] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(h), sizeof h);
  if (!in) return false;
  auto number = [&h](int at) {
    return static_cast<std::int32_t>((std::uint32_t{h[at]} << 24) | (std::uint32_t{h[at + 1]} << 16) |
                                     (std::uint32_t{h[at + 2]} << 8) | std::uint32_t{h[at + 3]});
  };
  return number(68) == application_id && number(60) >= 1 && number(60) <= schema_version();
}

int pragma_int(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

/// Refuses another program's database or one from a newer lbtrain. Only reads, in one statement
/// so in one snapshot: another lbtrain creating the log at the same moment is seen before or
/// after its migration, never halfway (tables, but no application id yet).
void check_contents(SQLite::Database& db, const std::string& path) {
  SQLite::Statement state(db, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id "
                              "FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)");
  state.executeStep();
  int version = state.getColumn(0).getInt();
  int app = state.getColumn(1).getInt();
  int objects = state.getColumn(2).getInt();
  if (app != application_id && (app != 0 || objects > 0 || version != 0)) {
    data_error(fmt::format("\"{}\" is an SQLite database of another program (application id {:#x}, {} tables and "
                           "indexes), not a training log; lbtrain left it as it was: give --db another file",
                           path, static_cast<std::uint32_t>(app), objects));
  }
  // A version no lbtrain ever wrote (negative), or a log's id with tables but no version: not
  // something the migrations could take from where it is.
  if (version < 0 || (app == application_id && version == 0 && objects > 0)) {
    data_error(fmt::format("\"{}\" is not a training log lbtrain can read (log schema version {}); lbtrain left it as it "
                           "was: give --db another file",
                           path, version));
  }
  if (version > schema_version()) {
    data_error(fmt::format("\"{}\" was written by a newer lbtrain (log schema version {}; this lbtrain knows versions "
                           "up to {}); lbtrain left it as it was: use a newer lbtrain",
                           path, version, schema_version()));
  }
}

/// Puts the log in WAL mode. Two lbtrain opening a new log at once both read it in rollback mode,
/// then both ask to change it: SQLite refuses one of them at once with SQLITE_BUSY, without
/// waiting (its busy handler is not called for a reader that wants to write), so that one tries
/// again, within the busy timeout, and finds the log in WAL mode.
void use_wal(SQLite::Database& db) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  while (true) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if (e.getErrorCode() != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

/// Brings the schema up to date in one transaction; another lbtrain migrating at the same time
/// waits, then finds nothing left to do.
void migrate(SQLite::Database& db) {
  if (pragma_int(db, "user_version") == schema_version()) return;
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  int version = pragma_int(db, "user_version");
  for (int v = version; v < schema_version(); ++v) db.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
  db.exec(fmt::format("PRAGMA user_version = {}", schema_version()));
  db.exec(fmt::format("PRAGMA application_id = {}", application_id));
  transaction.commit();
}

std::string explain(const std::string& path, const SQLite::Exception& e) {
  switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("the training log \"{}\" is busy: another program kept it locked for {} seconds; try again",
                         path, busy_timeout_ms / 1000);
    case SQLITE_FULL: return fmt::format("the training log \"{}\" could not grow: the disk is full", path);
    case SQLITE_READONLY:
      return fmt::format("the training log \"{}\" cannot be written (a read-only file or file system)", path);
    case SQLITE_NOTADB: return fmt::format("\"{}\" is not an SQLite database, so it is not a training log", path);
    case SQLITE_CORRUPT: return fmt::format("the training log \"{}\" is damaged: {}", path, e.what());
    default: return fmt::format("the training log \"{}\": {}", path, e.what());
  }
}

/// A connection that only reads (a read-only log, or one in a directory lbtrain cannot write):
/// an older schema cannot be brought up to date through it.
std::unique_ptr<SQLite::Database> open_read_only(const std::string& path) {
  int flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;
  std::string name = read_only_name(path, flags);
  auto db = std::make_unique<SQLite::Database>(name, flags, busy_timeout_ms);
  check_contents(*db, path);
  if (pragma_int(*db, "user_version") != schema_version()) {
    data_error(fmt::format("the training log \"{}\" has an older schema and cannot be written here (a read-only file, "
                           "directory or file system, or a full disk), so lbtrain cannot bring it up to date; make it "
                           "writable",
                           path));
  }
  return db;
}

/// A connection that writes: WAL mode, foreign keys on, the schema brought up to date.
std::unique_ptr<SQLite::Database> open_read_write(const std::string& path) {
  // One connection used by one thread: no mutexes around every call (a tenth of an import).
  auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
  check_contents(*db, path);
  // A new log gets 16 KB pages (set before WAL, after which it cannot change): a large import
  // splits fewer pages and takes about 8% less time than with 4 KB ones.
  if (db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0) db->exec("PRAGMA page_size = 16384");
  use_wal(*db);
  db->exec("PRAGMA foreign_keys = ON");
  migrate(*db);
  return db;
}

}  // namespace

void with_database_errors(const std::string& path, const std::function<void()>& body) {
  try {
    body();
  } catch (const SQLite::Exception& e) {
    data_error(explain(path, e));
  }
}

Store Store::open(const std::string& path, Access access) {
  if (path.empty()) usage_error("the training log's path is empty; give --db FILE");
  Store store;
  store.path_ = path;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) data_error(fmt::format("cannot open the training log \"{}\": {}", path, std::strerror(errno)));
    if (access == Access::read) return store;
    create_file(path);
    if (::stat(path.c_str(), &info) != 0) {
      data_error(fmt::format("cannot open the training log \"{}\": {}", path, std::strerror(errno)));
    }
  }
  check_file(path, info, access);
  // An empty file (from touch or mktemp) becomes a new log, with a new log's mode: health data.
  if (access == Access::write && info.st_size == 0 && (info.st_mode & 0777) != 0600) ::chmod(path.c_str(), 0600);
  bool writable = (info.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
  // Reading needs no write: a log in a read-only directory or on a full disk is read without its
  // -wal and -shm; a write there is refused before SQLite leaves them half made.
  const SideFiles beside = writable && info.st_size > 0 ? side_files(path) : SideFiles::possible;
  if (access == Access::read && beside != SideFiles::possible) writable = false;
  if (access == Access::write && beside == SideFiles::full_disk) {
    data_error(fmt::format("the training log \"{}\" could not grow: the disk is full (lbtrain left it as it was)", path));
  }
  with_database_errors(path, [&] {
    if (writable && info.st_size > 0 && !header_is_known_log(path)) {
      // Identified read-only first: closing a read-write connection to another program's
      // database in WAL mode would merge its -wal into it and delete it.
      int flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;
      SQLite::Database probe(read_only_name(path, flags), flags, busy_timeout_ms);
      check_contents(probe, path);
    }
    if (!writable) {
      store.db_ = open_read_only(path);
      return;
    }
    try {
      store.db_ = open_read_write(path);
    } catch (const SQLite::Exception& e) {
      // Reading needs no write: a writable log in a read-only directory (SQLite cannot make its
      // -wal and -shm there), or on a full disk, is read without them.
      const int code = e.getErrorCode();
      const bool cannot_write_beside =
          code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_FULL || code == SQLITE_IOERR;
      if (access == Access::write || !cannot_write_beside) throw;
      store.db_ = open_read_only(path);
    }
  });
  return store;
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

void Store::write(const std::function<void()>& body) {
  with_database_errors(path_, [&] {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    body();
    transaction.commit();
  });
}

SQLite::Database& database(Store& store) { return *store.db_; }

std::int64_t Store::add_entry(std::string_view kind, const std::string& summary) {
  SQLite::Statement insert(*db_, "INSERT INTO entries (kind, summary, created_at) "
                                 "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind(1, std::string(kind));
  insert.bind(2, summary);
  insert.exec();
  return db_->getLastInsertRowid();
}

}  // namespace lbtrain::log
