// `lbtrain log backup FILE`: a copy of the log made with SQLite's online backup API, so it holds
// what the -wal holds too and is consistent while another lbtrain writes. The copy is one file
// (rollback journal mode, no -wal beside it), written beside FILE under a temporary name and
// renamed over it once complete: 0600 when new (health data), an existing file's mode kept.

#include "lbtrain/log.hpp"

#include "log/store.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/write.hpp"

#include <SQLiteCpp/Backup.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace lbtrain {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void cannot_write(const std::string& file, const std::string& why) {
  output_error(fmt::format("cannot write the backup '{}': {}", file, why));
}

/// An empty temporary file beside `target`, with the mode the backup gets.
std::string temporary_beside(const std::string& file, const fs::path& target) {
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string temp = (dir / ("." + target.filename().string() + ".lbtrain-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) cannot_write(file, std::strerror(errno));
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0) {
    if (!S_ISREG(existing.st_mode)) {
      ::close(fd);
      ::unlink(temp.c_str());
      cannot_write(file, "it is not a regular file");
    }
    ::fchmod(fd, existing.st_mode & 07777);
  }
  ::close(fd);
  return temp;
}

/// Copies every page of `from` into the database file `temp`, then makes it one file.
void copy_pages(SQLite::Database& from, const std::string& temp) {
  SQLite::Database to(temp, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, log::busy_timeout_ms);
  SQLite::Backup backup(to, from);
  backup.executeStep(-1);
  to.exec("PRAGMA journal_mode = DELETE");
  if (to.execAndGet("PRAGMA integrity_check").getString() != "ok") throw std::runtime_error("the copy did not check");
}

}  // namespace

std::string backup_log(const std::string& db, const std::string& file) {
  if (file.empty()) usage_error("log backup: an empty file name; give the backup's file name");
  refuse_output_onto_log(file, db);
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::absolute(file, ec), ec);
  if (ec) target = file;
  if (fs::is_directory(target, ec)) usage_error(fmt::format("log backup: '{}' is a directory; give a file name", file));
  log::Store store = log::Store::open(db, log::Store::Access::read);
  if (!store.exists()) usage_error(fmt::format("there is no training log at \"{}\" to back up", db));
  std::string temp = temporary_beside(file, target);
  std::int64_t sets = 0;
  try {
    copy_pages(database(store), temp);
    SQLite::Database copy(temp, SQLite::OPEN_READONLY);
    sets = copy.execAndGet("SELECT count(*) FROM sets").getInt64();
  } catch (const SQLite::Exception& e) {
    ::unlink(temp.c_str());
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_CORRUPT) {
      log::with_database_errors(db, [&] { throw; });
    }
    cannot_write(file, e.what());
  } catch (const std::exception& e) {
    ::unlink(temp.c_str());
    cannot_write(file, e.what());
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    cannot_write(file, std::strerror(error));
  }
  return single_line(fmt::format("Backed up the training log \"{}\" ({} set{}) to \"{}\"; lbtrain reads it with --db.",
                                 db, sets, sets == 1 ? "" : "s", file)) +
         "\n";
}

}  // namespace lbtrain
