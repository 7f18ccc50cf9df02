// RFC 4180 CSV: a header row, then one row per set, CRLF line ends.

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

namespace lbtrain {

namespace {

using layout::done_text;

std::string number(double value) { return fmt::format("{}", value); }

/// A program's columns (status, target load, the set as logged, last time, why): a plan has none.
void add_program_cells(std::vector<std::string>& cells, const Session& session, const Prescription& item, int set) {
  cells.push_back(session.status);
  cells.push_back(item.target_load ? number(item.target_load->value) : "");
  cells.push_back(item.target_load ? item.target_load->unit : "");
  const auto index = static_cast<std::size_t>(set - 1);
  const DoneSet* done = item.logged && index < item.logged->sets.size() ? &item.logged->sets[index] : nullptr;
  cells.push_back(done ? std::to_string(done->count) : "");
  cells.push_back(done && done->load ? number(*done->load) : "");
  cells.push_back(done && done->load ? done->unit : "");
  cells.push_back(done && done->rir ? number(*done->rir) : "");
  cells.push_back(item.last ? item.last->date + ": " + done_text(*item.last, item.kind) : "");
  cells.push_back(item.adaptation);
}

}  // namespace

void write_csv(const Plan& plan, Sink& sink) {
  const bool program = !plan.calendar_key.empty();
  std::string out =
      "week,day,date,weekday,block,exercise_id,exercise,set,count,unit,per_side,rir_min,rir_max,tempo,"
      "rest_seconds,load,safety,caution,only_if";
  if (program) out += ",status,target_load,target_unit,done_count,done_load,done_unit,done_rir,last,adaptation";
  out += "\r\n";
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
            if (program) add_program_cells(cells, session, item, set);
            for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
            out += "\r\n";
          }
        }
      }
    }
    sink.write(out);
    out.clear();
  }
  sink.write(out);
}

}  // namespace lbtrain
