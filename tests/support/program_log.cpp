#include "support/program_log.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

namespace lbtrain::test {

ProgramLog::ProgramLog(const std::vector<std::string>& options) {
  std::vector<std::string> args{"start", "--start", "2026-09-07", "--on", "mon,thu"};
  args.insert(args.end(), options.begin(), options.end());
  ok(args);
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
  nlohmann::json plan = nlohmann::json::parse(out({"next", "--date", date, "--format", "json"}));
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

double target(const nlohmann::json& item) {
  REQUIRE(item.contains("target_load"));
  return item["target_load"]["value"].get<double>();
}

std::string why(const nlohmann::json& item) { return item.value("adaptation", std::string()); }

bool blames_miss(const nlohmann::json& item) {
  const std::string text = why(item);
  return text.find("short of") != std::string::npos || text.find("in a row") != std::string::npos;
}

std::string as_prescribed(const nlohmann::json& item) {
  std::string text = fmt::format("{}x{}", item["sets"].get<int>(), item["reps"].get<int>());
  if (item.contains("target_load")) {
    text += fmt::format("@{}{}", item["target_load"]["value"].get<double>(), item["target_load"]["unit"].get<std::string>());
  }
  if (item.contains("rir")) text += fmt::format(" rir{}", item["rir"]["min"].get<int>());
  return text;
}

}  // namespace lbtrain::test
