// RFC 4180 CSV: a header row, then one row per set, CRLF line ends.

#include "format/escape.hpp"
#include "lbtrain/format.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

namespace lbtrain {

std::string format_csv(const Plan& plan) {
  std::string out =
      "week,day,date,weekday,block,exercise_id,exercise,set,count,unit,per_side,rir_min,rir_max,tempo,"
      "rest_seconds,load,safety,caution,only_if\r\n";
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) {
      std::string date = session.date ? iso_date(*session.date) : "";
      std::string weekday = session.weekday ? std::string(weekday_short(*session.weekday)) : "";
      for (const auto& block : session.blocks) {
        for (const auto& item : block.items) {
          for (int set = 1; set <= item.sets; ++set) {
            std::vector<std::string> cells{
                std::to_string(week.number),
                std::to_string(session.day),
                date,
                weekday,
                std::string(to_string(block.kind)),
                item.exercise.id,
                item.exercise.name,
                std::to_string(set),
                std::to_string(item.value),
                std::string(to_string(item.kind)),
                item.per_side ? "true" : "false",
                item.rir ? std::to_string(item.rir->min) : "",
                item.rir ? std::to_string(item.rir->max) : "",
                item.tempo,
                std::to_string(item.rest_seconds),
                item.load,
                join(item.safety, " "),
                item.caution,
                item.gate,
            };
            for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
            out += "\r\n";
          }
        }
      }
    }
  }
  return out;
}

}  // namespace lbtrain
