// Scaling tests: inputs that once took minutes because some path was quadratic. Each runs the
// real binary on an input of size n and of size 4n, in the same run, and requires the time to
// grow about linearly: a linear path takes about 4 times as long at 4n, a quadratic one 16
// times. The bound (8) leaves room for a noisy machine; these entries run alone (RUN_SERIAL).
// One case measures memory instead: the peak of an import whatever the length of one field.

#include "support/helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <sstream>
#include <string>

using nlohmann::json;
using namespace lbtrain;

namespace {

constexpr double linear_bound = 8.0;

const json& builtin_rules_json() {
  static const json rules = json::parse(test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/goals.json"));
  return rules;
}

const json& builtin_catalogue_json() {
  static const json catalogue = json::parse(test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/exercises.json"));
  return catalogue;
}

json rules_layer() { return json{{"format", "lbtrain-rules"}, {"version", 2}}; }

/// Seconds the fastest of three runs took; every run must end with `exit_code`.
double best_seconds(const std::vector<std::string>& args, int exit_code) {
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto r = test::run_lbtrain(args);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.err.substr(0, 2000));
    REQUIRE(r.exit_code == exit_code);
    best = std::min(best, seconds);
  }
  return best;
}

/// Runs the command `make(n, dir)` returns at n and at 4n and checks the time grew about 4-fold.
void check_linear(int n, int exit_code, const std::function<std::vector<std::string>(int, const std::string&)>& make) {
  std::string dir = test::temp_dir();
  auto small = make(n, dir);
  auto large = make(4 * n, dir);
  double t1 = best_seconds(small, exit_code);
  double t4 = best_seconds(large, exit_code);
  INFO("n: " << t1 << " s; 4n: " << t4 << " s; ratio " << t4 / t1);
  CHECK(t4 / t1 < linear_bound);
}

std::string write(const std::string& dir, const std::string& name, const std::string& content) {
  std::string path = dir + "/" + name;
  test::write_file(path, content);
  return path;
}

}  // namespace

TEST_CASE("scaling: locating thousands of rules problems reads the file once", "[scaling]") {
  check_linear(2500, 3, [](int n, const std::string& dir) {
    json layer = rules_layer();
    for (int i = 0; i < n; ++i) layer["goals"].push_back({{"id", "goal-" + std::to_string(i)}, {"name", 5}});
    return std::vector<std::string>{"catalog", "validate", write(dir, "problems-" + std::to_string(n) + ".json", layer.dump(1))};
  });
}

TEST_CASE("scaling: thousands of unknown keys in one rules object", "[scaling]") {
  check_linear(5000, 3, [](int n, const std::string& dir) {
    json goal = builtin_rules_json()["goals"][0];
    goal["id"] = "copy";
    goal["aliases"] = json::array();
    for (int i = 0; i < n; ++i) goal["unknown-" + std::to_string(i)] = i;
    json layer = rules_layer();
    layer["goals"].push_back(goal);
    return std::vector<std::string>{"catalog", "validate", write(dir, "unknown-" + std::to_string(n) + ".json", layer.dump())};
  });
}

TEST_CASE("scaling: the duplicate-key check of an object with tens of thousands of keys", "[scaling]") {
  auto object = [](int n) {
    std::string text = "{";
    for (int i = 0; i < n; ++i) text += "\"k" + std::to_string(i) + "\": 1, ";
    return text + "\"k0\": 2}";
  };
  SECTION("in a rules file") {
    check_linear(20000, 3, [&](int n, const std::string& dir) {
      std::string text = R"({"format": "lbtrain-rules", "version": 2, "goals": [)" + object(n) + "]}";
      return std::vector<std::string>{"catalog", "validate", write(dir, "keys-" + std::to_string(n) + ".json", text)};
    });
  }
  SECTION("in a catalogue") {
    check_linear(20000, 3, [&](int n, const std::string& dir) {
      std::string text = R"({"format": "lbtrain-catalogue", "exercises": [)" + object(n) + "]}";
      return std::vector<std::string>{"catalog", "validate", write(dir, "cat-keys-" + std::to_string(n) + ".json", text)};
    });
  }
}

TEST_CASE("scaling: a plan with thousands of goals in a rules layer", "[scaling]") {
  check_linear(250, 0, [](int n, const std::string& dir) {
    json layer = rules_layer();
    const json& general = builtin_rules_json()["goals"][3];
    for (int i = 0; i < n; ++i) {
      json goal = general;
      goal["id"] = "goal-" + std::to_string(i);
      goal["name"] = "Goal " + std::to_string(i);
      goal["aliases"] = json::array();
      layer["goals"].push_back(goal);
    }
    return std::vector<std::string>{"plan", "--goal", "lockout", "--rules",
                                    write(dir, "goals-" + std::to_string(n) + ".json", layer.dump())};
  });
}

TEST_CASE("scaling: importing thousands of records with the same name", "[scaling]") {
  check_linear(5000, 0, [](int n, const std::string& dir) {
    json records = json::array();
    for (int i = 0; i < n; ++i) {
      records.push_back({{"id", "r" + std::to_string(i)}, {"name", "Same Name"}, {"force", "pull"},
                         {"level", "beginner"}, {"mechanic", nullptr}, {"equipment", "body only"},
                         {"primaryMuscles", {"lower back"}}, {"secondaryMuscles", json::array()},
                         {"instructions", {"Move."}}, {"category", "strength"}, {"images", json::array()}});
    }
    std::string in = write(dir, "same-" + std::to_string(n) + ".json", records.dump());
    return std::vector<std::string>{"catalog", "import", "--from", "free-exercise-db", in, "-o", in + ".out"};
  });
}

TEST_CASE("scaling: importing thousands of records with the same id", "[scaling]") {
  // Each copy of one id is numbered (same-id-2, same-id-3, ...) from where the last one stopped.
  check_linear(2500, 0, [](int n, const std::string& dir) {
    json records = json::array();
    for (int i = 0; i < n; ++i) {
      records.push_back({{"id", "Same_Id"}, {"name", "Same Name"}, {"force", "pull"}, {"level", "beginner"},
                         {"mechanic", nullptr}, {"equipment", "body only"}, {"primaryMuscles", {"lower back"}},
                         {"secondaryMuscles", json::array()}, {"instructions", {"Move."}}, {"category", "strength"},
                         {"images", json::array()}});
    }
    std::string in = write(dir, "same-id-" + std::to_string(n) + ".json", records.dump());
    return std::vector<std::string>{"catalog", "import", "--from", "free-exercise-db", in, "-o", in + ".out"};
  });
}

TEST_CASE("scaling: history of one session with tens of thousands of exercise names", "[scaling][log]") {
  // Each set found its exercise in the session by a search through the session's exercises.
  check_linear(20000, 0, [](int n, const std::string& dir) {
    std::string csv = "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,"
                      "session\r\n";
    for (int i = 0; i < n; ++i) {
      csv += "2026-01-05,custom:name-" + std::to_string(i) + ",Name " + std::to_string(i) +
             ",1,5,,,60,kg,,false,false,,typed,\r\n";
    }
    std::string db = dir + "/names-" + std::to_string(n) + ".db";
    auto imported = test::run_lbtrain({"log", "import", write(dir, "names-" + std::to_string(n) + ".csv", csv), "--db", db});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    return std::vector<std::string>{"history", "--db", db};
  });
}

TEST_CASE("scaling: history of tens of thousands of sessions, each with names of its own, all shown", "[scaling][log]") {
  // Every exercise summed up at once (an accumulator kept for each name) took 5.5 s and 720 MB
  // at 200,000 names; each is now summed up in turn, from one query sorted by exercise.
  check_linear(10000, 0, [](int n, const std::string& dir) {
    std::string csv = "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,"
                      "session\r\n";
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < 2; ++k) {
        std::string name = std::to_string(2 * i + k);
        csv += "2026-01-05,custom:name-" + name + ",Name " + name + ",1,5,,,60,kg,,false,false,,typed,workout " +
               std::to_string(i) + "\r\n";
      }
    }
    std::string db = dir + "/sessions-" + std::to_string(n) + ".db";
    auto imported = test::run_lbtrain({"log", "import", write(dir, "sessions-" + std::to_string(n) + ".csv", csv), "--db", db});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    return std::vector<std::string>{"history", "--limit", "0", "--db", db};
  });
}

TEST_CASE("scaling: a coloured text plan with 10 KB cues grows with its weeks", "[scaling]") {
  std::string dir = test::temp_dir();
  json catalogue = builtin_catalogue_json();
  std::string cue;
  while (cue.size() < 10000) cue += "keep the back flat ";
  for (auto& exercise : catalogue["exercises"]) exercise["cues"] = {cue};
  std::string path = write(dir, "long-cues.json", catalogue.dump());
  check_linear(6, 0, [&](int weeks, const std::string&) {
    return std::vector<std::string>{"plan", "--goal", "lockout,lordosis,general", "--weeks", std::to_string(weeks),
                                    "--days", "7", "--color", "always", "--catalog", path};
  });
}

TEST_CASE("scaling: an unknown 4,000-character --exclude against tens of thousands of ids", "[scaling]") {
  check_linear(10000, 2, [](int n, const std::string& dir) {
    json catalogue = builtin_catalogue_json();
    json copy = catalogue["exercises"][0];
    for (int i = 0; i < n; ++i) {
      copy["id"] = "extra-exercise-" + std::to_string(i);
      catalogue["exercises"].push_back(copy);
    }
    std::string path = write(dir, "ids-" + std::to_string(n) + ".json", catalogue.dump());
    return std::vector<std::string>{"plan", "--goal", "lockout", "--exclude", std::string(4000, 'q'), "--catalog", path};
  });
}

namespace {

/// The peak resident memory in KB of lbtrain run with `args`, which must exit with `exit_code`
/// (measured by python3 as its child's, so no other process counts).
long peak_kb(const std::vector<std::string>& args, int exit_code) {
  std::vector<std::string> command{"-c",
                                   "import resource, subprocess, sys\n"
                                   "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                                   "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n",
                                   LBTRAIN_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  auto r = test::run_program("python3", command);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  int status = -1;
  long kb = -1;
  in >> status >> kb;
  REQUIRE(status == exit_code);
  return kb;
}

}  // namespace

TEST_CASE("scaling: an import's memory does not grow with the length of one field", "[scaling][log]") {
  // A header of one field, and a note in a Strong row, each 2 MB and then 32 MB: read row by row,
  // a field cut while it is read, the peak memory is the same (the whole file and copies of the
  // field once took several times its size). Memory is measured, not time.
  std::string dir = test::temp_dir();
  auto header = [&](int mb) {
    return std::vector<std::string>{"log", "import", write(dir, "h" + std::to_string(mb) + ".csv", std::string(mb << 20, 'x')),
                                    "--db", dir + "/h.db"};
  };
  auto note = [&](int mb) {
    std::string start = "2025-02-10 18:00:00,Back day,45m,Deadlift (Barbell),";
    std::string csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                      "Workout Notes,RPE\n" +
                      start + "1,100,5,,,,,\n" + start + "2,100,5,,,\"" + std::string(mb << 20, 'n') + "\",,\n";
    return std::vector<std::string>{"log", "import", write(dir, "n" + std::to_string(mb) + ".csv", csv), "--unit", "kg",
                                    "--db", dir + "/n" + std::to_string(mb) + ".db"};
  };
  long header2 = peak_kb(header(2), 3), header32 = peak_kb(header(32), 3);
  long note2 = peak_kb(note(2), 0), note32 = peak_kb(note(32), 0);
  INFO("header field: 2 MB " << header2 << " KB, 32 MB " << header32 << " KB; note: 2 MB " << note2 << " KB, 32 MB "
                             << note32 << " KB");
  // 30 MB more of the field: less than 8 MB more memory (one copy of it would be 30).
  CHECK(header32 - header2 < 8192);
  CHECK(note32 - note2 < 8192);
}

TEST_CASE("scaling: history's memory per exercise name from n to 4n names", "[scaling][log]") {
  // Every exercise's summary (its best set, a copy of a logged set, its trend and names) was kept
  // until all were sorted by name: about 700 bytes a name beyond the text shown. Each is now read
  // in turn, in the order shown, from one query grouped in SQL; what grows with the names is the
  // text (a line of about 85 bytes a name, and its copy made safe for a terminal). Each name has
  // a session of its own, so the sessions shown (the last 10) stay the same. Memory is measured,
  // not time.
  std::string dir = test::temp_dir();
  auto log = [&](int n) {
    std::string csv = "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,"
                      "session\r\n";
    for (int i = 0; i < n; ++i) {
      std::string name = std::to_string(i);
      csv += "2026-01-05,custom:name-" + name + ",Name " + name + ",1,5,,,60,kg,,false,false,,typed,workout " + name + "\r\n";
    }
    std::string db = dir + "/names-" + std::to_string(n) + ".db";
    auto imported = test::run_lbtrain({"log", "import", write(dir, "names-" + std::to_string(n) + ".csv", csv), "--db", db});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    return db;
  };
  constexpr int n = 20000;
  std::string small = log(n), large = log(4 * n);
  long small_kb = peak_kb({"history", "--db", small}, 0), large_kb = peak_kb({"history", "--db", large}, 0);
  double per_name = static_cast<double>(large_kb - small_kb) * 1024 / (3 * n);
  INFO(n << " names: " << small_kb << " KB; " << 4 * n << " names: " << large_kb << " KB; " << per_name << " bytes a name");
  // Before: about 900 bytes a name; now about 200, of which the text is about the whole.
  CHECK(per_name < 400);
}
