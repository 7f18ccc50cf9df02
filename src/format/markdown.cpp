// GitHub-flavoured Markdown: a heading per week and day, one table per block.

#include "format/escape.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

namespace lbtrain {

void write_markdown(const Plan& plan, Sink& sink) {
  using namespace layout;
  std::string out = fmt::format("# {}\n\n", markdown_cell(plan_heading(plan, "lbtrain plan")));
  out += markdown_cell(plan_summary(plan)) + "\n";
  for (const auto& week : plan.weeks_list) {
    out += fmt::format("\n## {}\n", week_title(plan, week));
    if (!week.note.empty()) out += "\n" + markdown_cell(week.note) + "\n";
    for (const auto& session : week.sessions) {
      out += fmt::format("\n### {} (about {} min){}\n", day_title(plan, session), session.estimated_minutes,
                         status_text(session));
      for (const auto& note : session.notes) out += "\n" + markdown_cell(note.text) + "\n";
      for (const auto& block : session.blocks) {
        if (block.items.empty()) continue;
        out += fmt::format("\n#### {}\n\n", markdown_cell(block.title));
        out += "| Exercise | Dose | Effort | Load | Cue | Safety |\n| --- | --- | --- | --- | --- | --- |\n";
        for (const auto& item : block.items) {
          std::string load = item.gate.empty() ? item.load : "Only if " + item.gate + ". " + item.load;
          if (item.target_load) load = "Target " + target_load_text(*item.target_load) + ". " + load;
          if (item.logged) load += " Done: " + done_text(*item.logged, item.kind) + ".";
          if (item.last && !item.logged) load += " Last: " + item.last->date + ": " + done_text(*item.last, item.kind) + ".";
          if (!item.adaptation.empty()) load += " Why: " + item.adaptation;
          std::vector<std::string> safety;
          if (!item.caution.empty()) safety.push_back(item.caution);
          safety.insert(safety.end(), item.safety.begin(), item.safety.end());
          out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_cell(item.exercise.name),
                             markdown_cell(dose_text(item)), markdown_cell(effort_text(item)), markdown_cell(load),
                             markdown_cell(item.cues.empty() ? "" : item.cues.front()),
                             markdown_cell(join(safety, " ")));
        }
      }
    }
    sink.write(out);
    out.clear();
  }
  if (!plan.notes.empty()) {
    out += "\n## Notes\n\n";
    for (const auto& note : plan.notes) {
      out += "- " + markdown_cell(note.text);
      if (!note.source.empty()) out += " \\[" + markdown_cell(note.source) + "\\]";
      out += "\n";
    }
  }
  if (!plan.sources.empty()) {
    out += "\n## Sources\n\n";
    for (const auto& [key, text] : plan.sources) out += "- **" + markdown_cell(key) + "**: " + markdown_cell(text) + "\n";
  }
  sink.write(out);
}

}  // namespace lbtrain
