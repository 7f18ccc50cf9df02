// The training log under stress, end to end with the real binary: twenty processes writing one
// new log at once, an import killed with SIGKILL halfway, and --db files lbtrain cannot use.
// tests/unit/log_store_test.cpp covers the same refusals inside the process (Store::open's messages,
// the modes of a new log, migrations); here it is the command line's side: the exit status, the
// message, every command refusing, and nothing written next to the file either.

#include "support/helpers.hpp"
#include "support/files.hpp"

#include "log/schema.hpp"
#include "model/text_match.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;
using lbtrain::test::mode_of;
using lbtrain::test::snapshot;

namespace {

const std::string samples = std::string(LBTRAIN_SOURCE_DIR) + "/tests/data/log/";

/// lbtrain started as a child process, not waited for: what run_lbtrain does, without blocking.
class Child {
 public:
  /// Runs lbtrain with `args` (the tester's settings hidden as run_lbtrain hides them), standard
  /// output and error into `output`.out and .err. With a gate (a pipe), the child waits until
  /// every write end of the pipe is closed before it starts lbtrain.
  Child(const std::vector<std::string>& args, const std::string& output, const int* gate = nullptr) {
    // Everything the child needs is made before fork: after it, only system calls.
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
      std::string_view entry(*e);
      if (entry.rfind("LBTRAIN_", 0) != 0 && entry.rfind("XDG_", 0) != 0) env.emplace_back(entry);
    }
    env.push_back("XDG_CONFIG_HOME=/nonexistent/lbtrain-tests");
    env.push_back("XDG_DATA_HOME=" + lbtrain::test::temp_dir());
    std::vector<std::string> argv{LBTRAIN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> argv_p, env_p;
    for (auto& a : argv) argv_p.push_back(a.data());
    for (auto& e : env) env_p.push_back(e.data());
    argv_p.push_back(nullptr);
    env_p.push_back(nullptr);
    std::string out = output + ".out", err = output + ".err";
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ != 0) return;
    if (gate) {
      ::close(gate[1]);
      char c;
      while (::read(gate[0], &c, 1) > 0) {
      }
      ::close(gate[0]);
    }
    int in = ::open("/dev/null", O_RDONLY);
    int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out_fd < 0 || err_fd < 0) ::_exit(126);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    ::execve(argv_p[0], argv_p.data(), env_p.data());
    ::_exit(127);
  }

  pid_t pid() const { return pid_; }

  /// Waits for the child: its exit status, or 128 + the signal that ended it.
  int wait() {
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  /// The exit status when the child has ended, else nullopt.
  std::optional<int> poll() {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r < 0) FAIL("waitpid: " << std::strerror(errno));
    if (r == 0) return std::nullopt;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
};

std::int64_t count(const std::string& db, const std::string& sql) {
  SQLite::Database log(db, SQLite::OPEN_READWRITE);
  return log.execAndGet(sql).getInt64();
}

/// A Strong export (the old form: semicolons, a unit on every row) of `rows` sets: 100 a
/// session, one session a day.
std::string large_strong_export(int rows) {
  std::string text = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
                     "Seconds;Notes;Workout Notes;Workout Duration\n";
  const char* exercises[] = {"Deadlift (Barbell)", "Squat (Barbell)", "Back Extension", "Romanian Deadlift (Barbell)",
                             "Lat Pulldown (Cable)"};
  for (int n = 0; n < rows; ++n) {
    int day = n / 100;  // 28-day months: every date is valid
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d 07:30:00", 2000 + day / 336, day % 336 / 28 + 1, day % 28 + 1);
    int set = n % 20 + 1;
    text += std::string(date) + ";Workout;" + exercises[n % 100 / 20] + ";" + std::to_string(set) + ";" +
            std::to_string(40 + set) + ";kg;5;8;;;0;set " + std::to_string(n) + ";;1h\n";
  }
  return text;
}

}  // namespace

TEST_CASE("twenty lbtrain log processes at once on one new log: all succeed and all twenty are kept",
          "[log][robustness]") {
  // Each round starts twenty processes on a log that does not exist yet, nor its directories:
  // they create, migrate and write it at the same moment. A round does not always hit a race,
  // so there are several.
  for (int round = 0; round < 5; ++round) {
    INFO("round " << round);
    std::string dir = lbtrain::test::temp_dir();
    std::string db = dir + "/new/sub/lbtrain.db";
    int gate[2];
    REQUIRE(::pipe(gate) == 0);
    std::vector<Child> children;
    for (int i = 1; i <= 20; ++i) {
      children.emplace_back(std::vector<std::string>{"log", "back-extension", "1x12@" + std::to_string(i) + "kg",
                                                     "--note", "process " + std::to_string(i), "--date", "2026-01-05",
                                                     "--db", db},
                            dir + "/process-" + std::to_string(i), gate);
    }
    ::close(gate[0]);
    ::close(gate[1]);  // all of them start now
    for (int i = 1; i <= 20; ++i) {
      int status = children[static_cast<std::size_t>(i - 1)].wait();
      std::string err = lbtrain::test::read_file(dir + "/process-" + std::to_string(i) + ".err");
      INFO("process " << i << ": " << err);
      CHECK(status == 0);
      CHECK(err.empty());
      std::string logged = "Logged 2026-01-05 Back extension (45-degree): 1 x 12 @ " + std::to_string(i) + " kg";
      CHECK_THAT(lbtrain::test::read_file(dir + "/process-" + std::to_string(i) + ".out"), Catch::StartsWith(logged));
    }
    CHECK(count(db, "SELECT count(*) FROM sets") == 20);
    CHECK(count(db, "SELECT count(DISTINCT note) FROM sets") == 20);
    CHECK(count(db, "SELECT sum(load) FROM sets") == 210);  // 1 + 2 + ... + 20 kg
    CHECK(count(db, "SELECT count(DISTINCT set_number) FROM sets WHERE set_number BETWEEN 1 AND 20") == 20);
    CHECK(count(db, "SELECT count(*) FROM entries") == 20);
    SQLite::Database log(db);
    CHECK(log.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(log.execAndGet("PRAGMA journal_mode").getString() == "wal");
    // The missing directories were created 0700, the log 0600, whichever process did it.
    CHECK(mode_of(dir + "/new") == 0700);
    CHECK(mode_of(dir + "/new/sub") == 0700);
    CHECK(mode_of(db) == 0600);
  }
}

TEST_CASE("an import killed with SIGKILL halfway leaves all of it or none, and the log sound", "[log][robustness]") {
  const int rows = 200000;
  std::string dir = lbtrain::test::temp_dir();
  std::string file = dir + "/big.csv";
  std::string db = dir + "/lbtrain.db";
  lbtrain::test::write_file(file, large_strong_export(rows));
  Child import({"log", "import", file, "--strict", "--db", db}, dir + "/import");
  // Killed once it writes the import's pages (the WAL passes a megabyte; the new log's schema
  // alone is far less), so most often in the middle of its commit.
  std::optional<int> status;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!(status = import.poll())) {
    struct stat wal {};
    if (::stat((db + "-wal").c_str(), &wal) == 0 && wal.st_size > (1 << 20)) {
      ::kill(import.pid(), SIGKILL);
      status = import.wait();
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) FAIL("the import neither wrote nor ended in 120 s");
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  INFO("the import ended with status " << *status << ": " << lbtrain::test::read_file(dir + "/import.err"));
  REQUIRE((*status == 128 + SIGKILL || *status == 0));
  if (*status == 0) WARN("the import finished before it could be killed; the test only checked a finished import");
  REQUIRE(std::filesystem::exists(db));
  std::int64_t sets = 0;
  {
    SQLite::Database log(db, SQLite::OPEN_READWRITE);  // recovers the WAL the killed process left
    CHECK(log.execAndGet("PRAGMA integrity_check").getString() == "ok");
    sets = log.execAndGet("SELECT count(*) FROM sets").getInt64();
    std::int64_t entries = log.execAndGet("SELECT count(*) FROM entries").getInt64();
    CHECK((sets == 0 || sets == rows));
    CHECK(entries == (sets == 0 ? 0 : 1));
  }
  // The same file imported again: what is missing is added, and nothing twice.
  auto again = run_lbtrain({"log", "import", file, "--db", db});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  std::string added = sets == 0 ? "200000 sets added, 0 already" : "0 sets added, 200000 already";
  CHECK_THAT(again.out, Catch::StartsWith("Imported big.csv (Strong): " + added + " in the log.\n"));
  CHECK(count(db, "SELECT count(*) FROM sets") == rows);
  CHECK(count(db, "SELECT count(DISTINCT note) FROM sets") == rows);
  CHECK(count(db, "SELECT count(*) FROM sets WHERE rir = 2 AND reps = 5") == rows);  // RPE 8 on every row
  std::filesystem::remove_all(dir);
}

TEST_CASE("a --db lbtrain cannot use: exit 3 naming it, from every command, and the file left as it was",
          "[log][robustness]") {
  std::string dir = lbtrain::test::temp_dir();
  struct Case {
    std::string name;
    std::string path;
    std::string message;  ///< after "lbtrain: error: "
    bool readable;        ///< history and log export read it (only a read-only log)
  };
  std::string text = dir + "/notes.txt";
  lbtrain::test::write_file(text, "my training notes, not a database\n");
  std::string directory = dir + "/a-directory";
  std::filesystem::create_directory(directory);
  std::string newer = dir + "/newer.db";
  REQUIRE(run_lbtrain({"log", "back-extension", "3x12", "--db", newer}).exit_code == 0);
  int version = lbtrain::log::schema_version() + 1;
  SQLite::Database(newer, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = " + std::to_string(version));
  std::string read_only = dir + "/read-only.db";
  REQUIRE(run_lbtrain({"log", "back-extension", "3x12", "--db", read_only}).exit_code == 0);
  // lbtrain refuses a log without write permission by its mode, before SQLite opens it: so
  // this holds for root too (whom the permissions alone would not stop), and is not skipped.
  REQUIRE(::chmod(read_only.c_str(), 0400) == 0);
  std::string under_file = text + "/lbtrain.db";
  std::vector<Case> cases{
      {"not SQLite", text, "\"" + text + "\" is not an SQLite database", false},
      {"a directory", directory, "\"" + directory + "\" is a directory, not a training log", false},
      {"a newer schema", newer,
       "\"" + newer + "\" was written by a newer lbtrain (log schema version " + std::to_string(version) + ";", false},
      {"read-only", read_only, "\"" + read_only + "\" is read-only, so lbtrain cannot add to the training log", true},
      {"under a file", under_file, "cannot open the training log \"" + under_file + "\": Not a directory", false},
  };
  const std::vector<std::vector<std::string>> writes{
      {"log", "back-extension", "3x12@20kg"}, {"log", "import", samples + "hevy.csv"}, {"log", "undo"}};
  const std::vector<std::vector<std::string>> reads{{"history"}, {"log", "export"}, {"history", "back-extension"}};
  for (const auto& c : cases) {
    std::string watched = c.name == "under a file" ? text : c.path;
    std::string before = snapshot(watched);
    std::string listing = snapshot(dir);
    for (const auto& args : writes) {
      auto with_db = args;
      with_db.insert(with_db.end(), {"--db", c.path});
      auto r = run_lbtrain(with_db);
      INFO(c.name << ": " << lbtrain::join(args, " ") << "\n" << r.err);
      CHECK(r.exit_code == 3);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + c.message));
    }
    for (const auto& args : reads) {
      auto with_db = args;
      with_db.insert(with_db.end(), {"--db", c.path});
      auto r = run_lbtrain(with_db);
      INFO(c.name << ": " << lbtrain::join(args, " ") << "\n" << r.err);
      if (c.readable) {
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
      } else {
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err, Catch::Contains("\"" + c.path + "\""));
      }
    }
    INFO(c.name);
    CHECK(snapshot(watched) == before);
    CHECK(snapshot(dir) == listing);  // no -wal, -shm or -journal beside it
  }
  CHECK(mode_of(read_only) == 0400);
  // A writable log in a directory lbtrain cannot write, where SQLite cannot make its -wal and
  // -shm files: root writes there anyway, so this part runs for other users only.
  if (::geteuid() == 0) return;
  std::string locked = dir + "/locked";
  std::filesystem::create_directory(locked);
  std::string db = locked + "/lbtrain.db";
  REQUIRE(run_lbtrain({"log", "back-extension", "3x12", "--db", db}).exit_code == 0);
  REQUIRE(::chmod(locked.c_str(), 0500) == 0);
  std::string before = snapshot(db);
  for (const auto& args : writes) {
    auto with_db = args;
    with_db.insert(with_db.end(), {"--db", db});
    auto r = run_lbtrain(with_db);
    INFO("a read-only directory: " << lbtrain::join(args, " ") << "\n" << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: the training log \"" + db + "\" cannot be written"));
  }
  CHECK(snapshot(db) == before);
  CHECK(snapshot(locked) == "lbtrain.db");
  ::chmod(locked.c_str(), 0700);
}

TEST_CASE("a failed import into a new log never removes what another lbtrain logged meanwhile", "[log][robustness]") {
  // The import used to create the log, fail on its last row and remove the log again if it held
  // no entry: a `log` that had opened the file meanwhile, waiting for the import's lock, then
  // wrote into a removed file and said "Logged". Now a new log is created only once every row
  // has been read. A round does not always hit the race, so there are several.
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    std::string dir = lbtrain::test::temp_dir();
    std::string file = dir + "/bad.csv";
    std::string db = dir + "/new.db";
    lbtrain::test::write_file(file, large_strong_export(100000) +
                                        "2001-01-01 07:30:00;Workout;Back Extension;21;40;kg;five;8;;;0;;;1h\n");
    Child import({"log", "import", file, "--strict", "--db", db}, dir + "/import");
    std::optional<int> status;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!(status = import.poll()) && !std::filesystem::exists(db) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    RunResult logged = run_lbtrain({"log", "rdl", "3x8@60kg", "--date", "2026-01-05", "--db", db});
    int import_status = status ? *status : import.wait();
    INFO(lbtrain::test::read_file(dir + "/import.err") << logged.err);
    CHECK(import_status == 3);  // the bad row, with --strict (without it the row is skipped: 0)
    CHECK(logged.exit_code == 0);
    REQUIRE(std::filesystem::exists(db));
    CHECK(count(db, "SELECT count(*) FROM sets WHERE date = '2026-01-05'") == 3);
  }
}
