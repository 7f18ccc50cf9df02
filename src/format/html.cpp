// One standalone HTML5 page: readable on a screen, printing a week per page with the same
// write-in cells as the sheet. No external assets and no script.

#include "format/escape.hpp"
#include "format/item_memo.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/model/version.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace lbtrain {

namespace {

using namespace layout;

const char* const html_style = R"css(
:root { color-scheme: light; }
body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #111; background: #fff; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #111; margin: 2rem 0 .5rem; padding-bottom: .2rem;
     display: flex; justify-content: space-between; gap: 1rem; }
h2 .goals { font-weight: normal; font-size: 1rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; display: flex; justify-content: space-between; }
h3 .minutes, .dates { font-weight: normal; color: #444; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; text-transform: uppercase; letter-spacing: .04em; color: #333; }
p.summary, p.note { margin: .2rem 0 .5rem; }
p.note { font-style: italic; }
ul.check { list-style: none; padding: 0; margin: 0; }
ul.check li { margin: .15rem 0; }
ul.check .box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid #111;
                vertical-align: -.1em; margin-right: .4em; }
.dose { font-weight: 600; }
.cue { color: #444; font-size: .9em; }
.safety, .gate { font-size: .9em; }
.exercise { margin: .4rem 0 .8rem; break-inside: avoid; }
.exercise .head { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
table.log { border-collapse: collapse; margin-top: .3rem; }
table.log th, table.log td { border: 1px solid #555; padding: .15rem .4rem; font-size: .85em; }
table.log th { background: #eee; font-weight: 600; }
table.log td { width: 5.5rem; height: 1.3rem; }
table.log th[scope=row] { text-align: left; width: 4.5rem; }
section.notes li { margin: .2rem 0; }
.source { color: #555; font-size: .85em; }
@media print {
  @page { size: auto; margin: 10mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  header.plan { display: none; }
  section.week { break-before: page; }
  section.week:first-of-type { break-before: auto; }
  section.notes { break-before: page; }
  h2 { margin-top: 0; }
  /* A session taller than a page breaks between its blocks and exercises, never inside one,
     and a heading stays with what follows it. */
  h2, h3, h4, p.note { break-after: avoid; page-break-after: avoid; }
  ul.check, .exercise, .notes ul { break-inside: avoid; page-break-inside: avoid; }
  h3 { margin: .5rem 0 .2rem; }
  h4 { margin: .35rem 0 .1rem; }
  .exercise { margin: .2rem 0 .4rem; }
  table.log { margin-top: .15rem; }
  table.log td { height: 1rem; }
  section.notes li { margin: .1rem 0; }
}
)css";

std::string text(const std::string& s) { return html_escape(s); }

void check_item(std::string& out, const Prescription& item) {
  out += fmt::format("<li><span class=\"box\" aria-hidden=\"true\"></span>{} <span class=\"dose\">{}</span>",
                     text(item.exercise.name), text(dose_text(item)));
  std::string cue = shortest_cue(item);
  if (!cue.empty()) out += fmt::format(" <span class=\"cue\">{}</span>", text(cue));
  out += "</li>\n";
}

void main_item(std::string& out, const Prescription& item) {
  out += "<div class=\"exercise\">\n<div class=\"head\"><strong>" + text(item.exercise.name) +
         "</strong><span><span class=\"dose\">" + text(dose_text(item)) + "</span>";
  std::string effort = effort_text(item);
  if (!effort.empty()) out += " &middot; " + text(effort);
  out += "</span></div>\n";
  if (!item.gate.empty()) out += "<div class=\"gate\"><strong>Only if</strong> " + text(item.gate) + "</div>\n";
  if (!item.load.empty()) out += "<div>Load: " + text(item.load) + "</div>\n";
  if (item.target_load) out += "<div class=\"target\">Target: " + text(target_load_text(*item.target_load)) + "</div>\n";
  if (item.last && !item.logged) {
    out += "<div class=\"last\">Last: " + text(item.last->date + ": " + done_text(*item.last, item.kind)) + "</div>\n";
  }
  if (!item.adaptation.empty()) out += "<div class=\"why\">Why: " + text(item.adaptation) + "</div>\n";
  if (!item.caution.empty()) out += "<div class=\"safety\"><strong>Caution:</strong> " + text(item.caution) + "</div>\n";
  for (const auto& cue : item.safety) out += "<div class=\"safety\"><strong>Safety:</strong> " + text(cue) + "</div>\n";
  std::string cue = shortest_cue(item);
  if (!cue.empty()) out += "<div class=\"cue\">Cue: " + text(cue) + "</div>\n";
  out += "<table class=\"log\">\n<tr><th></th>";
  for (int set = 1; set <= item.sets; ++set) out += fmt::format("<th scope=\"col\">Set {}</th>", set);
  out += "</tr>\n";
  std::vector<std::string> rows{"Load", std::string(count_label(item.kind))};
  if (item.rir) rows.push_back("RIR");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "<tr><th scope=\"row\">" + rows[r] + "</th>";
    for (int set = 1; set <= item.sets; ++set) {
      auto index = static_cast<std::size_t>(set - 1);
      out += "<td>" + text(r == 0 ? cell_load(item, index) : r == 1 ? cell_count(item, index) : cell_rir(item, index)) +
             "</td>";
    }
    out += "</tr>\n";
  }
  out += "</table>\n</div>\n";
}

/// An item's HTML, written once a week (format/item_memo.hpp).
void write_html_item(std::string& out, format::ItemMemo<std::string>& items, const Prescription& item, bool check) {
  out += items.get(item, check, [&] {
    std::string html;
    if (check) check_item(html, item);
    else main_item(html, item);
    return html;
  });
}

}  // namespace

void write_html(const Plan& plan, Sink& sink) {
  format::ItemMemo<std::string> items;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"lbtrain {}\">\n", version());
  std::string heading = text(plan_heading(plan, "lbtrain plan"));
  out += "<title>" + heading + "</title>\n<style>" + html_style + "</style>\n</head>\n<body>\n";
  out += "<header class=\"plan\">\n<h1>" + heading + "</h1>\n";
  out += "<p class=\"summary\">" + text(plan_summary(plan)) + "</p>\n";
  out += "</header>\n";
  for (const auto& week : plan.weeks_list) {
    items.clear();
    out += fmt::format("<section class=\"week\" id=\"week-{}\">\n<h2><span>{}</span><span class=\"goals\">{}</span></h2>\n",
                       week.number, week_title(plan, week), text(plan_heading(plan, "")));
    if (!week.note.empty()) out += "<p class=\"note\">" + text(week.note) + "</p>\n";
    for (const auto& session : week.sessions) {
      out += fmt::format("<div class=\"session\">\n<h3><span>{}</span><span class=\"minutes\">about {} min</span></h3>\n",
                         text(day_title(plan, session) + status_text(session)), session.estimated_minutes);
      for (const auto& note : session.notes) out += "<p class=\"note\">" + text(note.text) + "</p>\n";
      for (const auto& block : session.blocks) {
        if (block.items.empty()) continue;
        out += "<h4>" + text(block.title) + "</h4>\n";
        if (block.kind == BlockKind::main) {
          for (const auto& item : block.items) write_html_item(out, items, item, false);
        } else {
          out += "<ul class=\"check\">\n";
          for (const auto& item : block.items) write_html_item(out, items, item, true);
          out += "</ul>\n";
        }
      }
      out += "</div>\n";
    }
    out += "</section>\n";
    sink.write(out);
    out.clear();
  }
  if (!plan.notes.empty() || !plan.sources.empty()) {
    out += "<section class=\"notes\">\n<h2><span>Notes</span></h2>\n<ul>\n";
    for (const auto& note : plan.notes) {
      out += "<li>" + text(note.text);
      if (!note.source.empty()) out += " <span class=\"source\">[" + text(note.source) + "]</span>";
      out += "</li>\n";
    }
    out += "</ul>\n<h4>Sources</h4>\n<ul>\n";
    for (const auto& [key, source] : plan.sources) out += "<li><b>" + text(key) + "</b>: " + text(source) + "</li>\n";
    out += "</ul>\n</section>\n";
  }
  out += "</body>\n</html>\n";
  sink.write(out);
}

}  // namespace lbtrain
