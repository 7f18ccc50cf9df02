#include "support/program_log.hpp"

#include <catch2/catch.hpp>

namespace lbtrain::test {

ProgramLog::ProgramLog(const std::vector<std::string>& options) {
  std::vector<std::string> args{"start", "--start", "2026-09-07", "--on", "mon,thu"};
  args.insert(args.end(), options.begin(), options.end());
  ok(args);
}

RunResult ProgramLog::run(std::vector<std::string> args) const {
  args.push_back("--db");
  args.push_back(db);
  return run_lbtrain(args);
}

std::string ProgramLog::ok(const std::vector<std::string>& args) const {
  auto r = run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

void ProgramLog::log(const std::string& exercise, const std::string& performance, const std::string& date) const {
  std::vector<std::string> args{"log", exercise};
  for (std::size_t start = 0, end; start < performance.size(); start = end + 1) {
    end = performance.find(' ', start);
    if (end == std::string::npos) end = performance.size();
    args.push_back(performance.substr(start, end - start));
  }
  args.insert(args.end(), {"--date", date});
  ok(args);
}

nlohmann::json ProgramLog::next_plan(const std::string& date) const {
  nlohmann::json plan = nlohmann::json::parse(ok({"next", "--date", date, "--format", "json"}));
  REQUIRE(plan["weeks"].size() == 1);
  REQUIRE(plan["weeks"][0]["sessions"].size() == 1);
  return plan;
}

nlohmann::json ProgramLog::next(const std::string& date) const { return next_plan(date)["weeks"][0]["sessions"][0]; }

const std::vector<std::string>& mon_thu_dates() {
  static const std::vector<std::string> dates{"2026-09-07", "2026-09-10", "2026-09-14", "2026-09-17",
                                              "2026-09-21", "2026-09-24", "2026-09-28", "2026-10-01",
                                              "2026-10-05", "2026-10-08", "2026-10-12", "2026-10-15"};
  return dates;
}

nlohmann::json find_item(const nlohmann::json& session, const std::string& id) {
  for (const auto& block : session["blocks"]) {
    for (const auto& item : block["items"]) {
      if (item["exercise"]["id"] == id) return item;
    }
  }
  return nullptr;
}

nlohmann::json item_of(const nlohmann::json& session, const std::string& id) {
  nlohmann::json item = find_item(session, id);
  INFO(session.dump());
  REQUIRE_FALSE(item.is_null());
  return item;
}

}  // namespace lbtrain::test
