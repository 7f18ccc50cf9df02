// The training log where the file system says no, end to end with the real binary: a log in a
// directory lbtrain cannot write, a full disk, and an import with a 20 MB field. Split from
// log_robustness_test.cpp (concurrency, SIGKILL, --db files lbtrain cannot use).

#include "support/files.hpp"
#include "support/helpers.hpp"
#include "support/log_fixture.hpp"

#include "model/text_match.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using lbtrain::test::Log;
using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;
using lbtrain::test::snapshot;

namespace {

/// The environment of lbtrain run through another program: the tester's settings hidden, as
/// run_lbtrain hides them.
const std::vector<std::string> shell_env{
    "LBTRAIN=" + std::string(LBTRAIN_BINARY), "XDG_CONFIG_HOME=/nonexistent", "HOME=/nonexistent", "NO_COLOR=",
    "CLICOLOR_FORCE=", "LBTRAIN_DB=", "LBTRAIN_UNIT=", "LBTRAIN_FORMAT=", "LBTRAIN_COLOR=", "LBTRAIN_PAGER="};

/// Runs lbtrain with `args` as the user `uid` (setpriv), with the tester's settings hidden: root
/// too then meets a directory it cannot write.
RunResult run_as(int uid, const std::vector<std::string>& args) {
  const std::string id = std::to_string(uid);
  std::vector<std::string> command{"--reuid=" + id, "--regid=" + id, "--clear-groups", "--", LBTRAIN_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  return lbtrain::test::run_program("setpriv", command, shell_env);
}

}  // namespace

TEST_CASE("a writable log in a directory lbtrain cannot write is read, and nothing is made beside it",
          "[log][robustness]") {
  // Reading needs no write: SQLite's WAL mode wants a -wal and a -shm beside the log, which a
  // read-only directory cannot take. Root writes any directory, so as root the reader runs as
  // the user nobody (65534), whose log it is.
  std::string dir = lbtrain::test::temp_dir();
  std::string locked = dir + "/locked";
  std::filesystem::create_directory(locked);
  std::string db = locked + "/lbtrain.db";
  REQUIRE(run_lbtrain({"log", "side-plank", "2x30s", "--db", db}).exit_code == 0);
  const bool root = ::geteuid() == 0;
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db});
    return root ? run_as(65534, args) : run_lbtrain(args);
  };
  if (root) {
    REQUIRE(::chown(locked.c_str(), 65534, 65534) == 0);
    REQUIRE(::chown(db.c_str(), 65534, 65534) == 0);
    REQUIRE(::chmod(dir.c_str(), 0755) == 0);
    auto probe = run_as(65534, {"--version"});
    if (probe.exit_code != 0) {
      WARN("cannot run lbtrain as the user nobody (setpriv, or the build directory not readable): " << probe.err);
      return;
    }
  }
  REQUIRE(::chmod(locked.c_str(), 0555) == 0);
  std::string before = snapshot(db);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"history"}, {"history", "side-plank"},
                                               {"log", "export"}}) {
    auto r = run(args);
    INFO(lbtrain::join(args, " ") << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::Contains(args[0] == "history" ? "Side plank" : "side-plank"));
  }
  CHECK(snapshot(locked) == "lbtrain.db");  // no -wal, -shm or -journal
  CHECK(snapshot(db) == before);
  ::chmod(locked.c_str(), 0700);
}

TEST_CASE("history on a full disk reads the log and leaves no -wal or -shm behind", "[log][robustness]") {
  // A small tmpfs, filled, in a mount namespace of its own (root, or where unshare may mount):
  // SQLite failed there with "disk I/O error" after making an empty -wal and a 3-byte -shm.
  std::string dir = lbtrain::test::temp_dir();
  std::string db = dir + "/lbtrain.db";
  REQUIRE(run_lbtrain({"log", "side-plank", "2x30s", "--db", db}).exit_code == 0);
  REQUIRE(run_lbtrain({"log", "rdl", "3x5@60kg", "--db", db}).exit_code == 0);
  std::string full = dir + "/full";
  std::filesystem::create_directory(full);
  const std::string script =
      "mount -t tmpfs -o size=512k tmpfs \"$1\" 2>/dev/null || exit 99\n"
      "cp \"$2\" \"$1/lbtrain.db\" && dd if=/dev/zero of=\"$1/fill\" bs=4k 2>/dev/null\n"
      "\"$LBTRAIN\" history --db \"$1/lbtrain.db\" > \"$1.out\"; echo \"history $?\"\n"
      "\"$LBTRAIN\" log side-plank 2x30s --db \"$1/lbtrain.db\" 2> \"$1.err\"; echo \"log $?\"\n"
      "ls -a \"$1\" | tr '\\n' ' '\n";
  auto r = lbtrain::test::run_program("unshare", {"-m", "sh", "-c", script, "sh", full, db}, shell_env);
  if (r.exit_code != 0) {
    WARN("no tmpfs could be mounted here (unshare -m and mount need root), so no full disk: " << r.err);
    return;
  }
  INFO(r.out << r.err << lbtrain::test::read_file(full + ".err"));
  CHECK_THAT(r.out, Catch::Contains("history 0\n"));
  CHECK_THAT(lbtrain::test::read_file(full + ".out"), Catch::Contains("Romanian deadlift"));
  // A write there fails, saying why, and leaves nothing beside the log either.
  CHECK_THAT(r.out, Catch::Contains("log 3\n"));
  CHECK_THAT(lbtrain::test::read_file(full + ".err"), Catch::Contains("the disk is full"));
  CHECK_THAT(r.out, Catch::EndsWith(". .. fill lbtrain.db "));
}

TEST_CASE("an import holds one row at a time: a 20 MB field is refused or skipped with FILE:LINE, long names skipped",
          "[log][robustness]") {
  std::string dir = lbtrain::test::temp_dir();
  std::string db = dir + "/log.db";
  // A file of one 20 MB field: no header, refused at once, in one line.
  std::string one_field = dir + "/one-field.csv";
  lbtrain::test::write_file(one_field, std::string(20 << 20, 'x'));
  auto r = run_lbtrain({"log", "import", one_field, "--db", db});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lbtrain: error: " + one_field + ":1: not an export lbtrain reads: its header has a field of " +
                     std::to_string(20 << 20) + " bytes, and no column's name is longer than a few words; nothing "
                     "was imported\n");
  CHECK_FALSE(std::filesystem::exists(db));

  // A Strong export whose third line has a 20 MB note and whose fourth a 300-character name: both
  // skipped and listed with their line, the other sets imported; the long name is not kept
  // under a custom id either.
  std::string strong = dir + "/strong.csv";
  const std::string start = "2025-02-10 18:00:00,Back day,45m,";
  lbtrain::test::write_file(strong, "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
                                    "Notes,Workout Notes,RPE\n" +
                                        start + "Deadlift (Barbell),1,100,5,,,,,\n" + start +
                                        "Deadlift (Barbell),2,100,5,,,\"" + std::string(20 << 20, 'n') + "\",,\n" +
                                        start + std::string(300, 'N') + ",1,50,5,,,,,\n" + start +
                                        "Deadlift (Barbell),3,100,5,,,,,\n");
  r = run_lbtrain({"log", "import", strong, "--unit", "kg", "--db", db});
  INFO(r.err.substr(0, 2000));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "lbtrain: warning: " + strong + ":3: column \"Notes\": a field of " + std::to_string(20 << 20) +
                     " bytes, longer than anything an export holds (lbtrain keeps exercise names of up to 200 "
                     "characters and notes of up to 2000); the row was skipped\n"
                     "lbtrain: warning: " + strong + ":4: an exercise name of 300 characters; lbtrain keeps up to 200; "
                     "the row was skipped\n");
  CHECK_THAT(r.out, Catch::StartsWith("Imported strong.csv (Strong): 2 sets added, 0 already in the log.\n"
                                      "Skipped: 2 rows that cannot be imported (each named in a warning).\n"));
  CHECK_THAT(r.out, !Catch::Contains("Not in the catalogue"));
  const Log log{dir, db, {}};
  CHECK(log.count("exercise_id = 'deadlift'") == 2);
  CHECK(log.number("SELECT max(length(note)) FROM sets") == 0);

  // --strict imports nothing and lists both.
  std::string other = dir + "/other.db";
  r = run_lbtrain({"log", "import", strong, "--unit", "kg", "--strict", "--db", other});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(strong + ": 2 rows cannot be imported, and --strict imports all or nothing"));
  CHECK_THAT(r.err, Catch::Contains("\n  " + strong + ":3: column \"Notes\": a field of "));
  CHECK_THAT(r.err, Catch::Contains("\n  " + strong + ":4: an exercise name of 300 characters"));
  CHECK_FALSE(std::filesystem::exists(other));
}
