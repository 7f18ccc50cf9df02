// The printable sheet: one page per week (more when a week does not fit), 80 columns and at
// most 66 lines a page, pages separated by form feeds, with blank cells to write in.

#include "format/escape.hpp"
#include "format/item_memo.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"

#include "format/layout.hpp"

#include <fmt/format.h>

#include <deque>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace lbtrain {

namespace {

using namespace layout;
using Lines = std::vector<std::string>;
/// Lines of a page as views: of an item's lines (kept for the week) or of lines the week owns.
using View = std::vector<std::string_view>;

constexpr int width = sheet_columns;
constexpr int page_lines = sheet_lines;
constexpr int cell_width = 10;   // "__________"
constexpr int cell_gap = 2;
constexpr int label_width = 12;  // "    Reps    "
constexpr int sets_per_row = (width - label_width) / (cell_width + cell_gap);

void add_wrapped(Lines& lines, const std::string& text, const std::string& first, const std::string& indent) {
  std::string wrapped = wrap(text, width, first, indent);
  std::size_t pos = 0;
  while (pos < wrapped.size()) {
    auto end = wrapped.find('\n', pos);
    lines.push_back(wrapped.substr(pos, end - pos));
    pos = end + 1;
  }
}

/// "left ......... right" on one line of the sheet (the left part cut to make room).
std::string spread(const std::string& left, const std::string& right) {
  int room = width - display_width(right) - 2;
  std::string line = pad(truncate(left, room), width - display_width(right)) + right;
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

/// The exercise's name with `right` at the end of the line; a name too long for that is
/// wrapped, and `right` goes on a line of its own.
void name_line(Lines& lines, const std::string& first, const std::string& indent, const std::string& name,
               const std::string& right) {
  if (display_width(first + name) + 2 + display_width(right) <= width) {
    lines.push_back(spread(first + name, right));
  } else {
    add_wrapped(lines, name, first, indent);
    lines.push_back(spread("", right));
  }
}

/// A warm-up or cool-down drill: a check box, the dose, one short cue.
Lines check_item(const Prescription& item) {
  Lines lines;
  name_line(lines, "  [ ] ", "      ", single_line(item.exercise.name), dose_text(item));
  std::string cue = shortest_cue(item);
  if (!cue.empty()) lines.push_back(truncate("        " + cue, width));
  return lines;
}

/// A main exercise: dose and effort, the load instruction, one cue, and a grid of blank cells
/// (load, count done, reps in reserve) with a column per set.
Lines main_item(const Prescription& item) {
  Lines lines;
  std::string effort = effort_text(item);
  std::string dose = dose_text(item) + (effort.empty() ? "" : ", " + effort);
  name_line(lines, "  ", "  ", single_line(item.exercise.name), dose);
  const std::string hang(14, ' ');
  if (!item.gate.empty()) add_wrapped(lines, single_line(item.gate), "    Only if:  ", hang);
  if (!item.load.empty()) add_wrapped(lines, single_line(item.load), "    Load:     ", hang);
  if (item.target_load) add_wrapped(lines, single_line(target_load_text(*item.target_load)), "    Target:   ", hang);
  if (item.last && !item.logged) {
    add_wrapped(lines, single_line(item.last->date + ": " + done_text(*item.last, item.kind)), "    Last:     ", hang);
  }
  if (!item.adaptation.empty()) add_wrapped(lines, single_line(item.adaptation), "    Why:      ", hang);
  if (!item.caution.empty()) add_wrapped(lines, single_line(item.caution), "    Caution:  ", hang);
  for (const auto& cue : item.safety) add_wrapped(lines, single_line(cue), "    Safety:   ", hang);
  std::string cue = shortest_cue(item);
  if (!cue.empty()) add_wrapped(lines, cue, "    Cue:      ", hang);
  std::vector<std::string> rows{"Load", std::string(count_label(item.kind))};
  if (item.rir) rows.push_back("RIR");
  std::string blank(cell_width, '_');
  for (int first = 1; first <= item.sets; first += sets_per_row) {
    int last = std::min(item.sets, first + sets_per_row - 1);
    std::string header = pad("", label_width);
    for (int set = first; set <= last; ++set) header += pad(fmt::format("Set {}", set), cell_width + cell_gap);
    header.erase(header.find_last_not_of(' ') + 1);
    lines.push_back(header);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string line = pad("    " + rows[r], label_width);
      for (int set = first; set <= last; ++set) {
        auto index = static_cast<std::size_t>(set - 1);
        std::string filled = r == 0 ? cell_load(item, index) : r == 1 ? cell_count(item, index) : cell_rir(item, index);
        filled = single_line(filled).substr(0, cell_width);
        line += pad(filled + blank.substr(filled.size()), cell_width + cell_gap);
      }
      line.erase(line.find_last_not_of(' ') + 1);
      lines.push_back(line);
    }
  }
  lines.push_back("");
  return lines;
}

/// Each distinct item's lines, laid out once (format/item_memo.hpp).
using ItemLines = format::ItemMemo<Lines>;

/// The line under a day's heading.
const std::string& dashes() {
  static const std::string line(static_cast<std::size_t>(width), '-');
  return line;
}

/// Pieces of a session that stay together on a page: the first carries the day's heading.
/// Lines made here are kept in `owned` (a deque: they stay where they are).
std::vector<View> session_pieces(const Plan& plan, const Session& session, ItemLines& items,
                                 std::deque<std::string>& owned) {
  std::vector<View> pieces;
  View heading{owned.emplace_back(spread(day_title(plan, session), fmt::format("about {} min", session.estimated_minutes))),
               dashes()};
  bool first_piece = true;
  for (const auto& block : session.blocks) {
    if (block.items.empty()) continue;
    bool check = block.kind != BlockKind::main;
    std::string title = single_line(block.title) + (check ? " (tick each when done)" : "");
    for (std::size_t i = 0; i < block.items.size(); ++i) {
      View piece;
      if (first_piece) piece = heading;
      if (i == 0) {
        Lines wrapped;
        add_wrapped(wrapped, title, "", "  ");
        for (auto& line : wrapped) piece.push_back(owned.emplace_back(std::move(line)));
      }
      // Views of the item's lines, laid out once a week (moving the cache's vectors moves no line).
      const Lines& item =
          items.get(block.items[i], check, [&] { return check ? check_item(block.items[i]) : main_item(block.items[i]); });
      piece.insert(piece.end(), item.begin(), item.end());
      if (check && i + 1 == block.items.size()) piece.push_back("");
      pieces.push_back(std::move(piece));
      first_piece = false;
    }
  }
  return pieces;
}

class Pages {
 public:
  Pages(const Plan& plan, const Week& week) : plan_(plan), week_(week) {}

  void add_session(const Session& session) {
    auto pieces = session_pieces(plan_, session, items_, owned_);
    std::size_t total = 0;
    for (const auto& piece : pieces) total += piece.size();
    // A session starts on a fresh page when that keeps it whole.
    if (!page_.empty() && used() + total > page_lines && header_size() + total <= page_lines) new_page();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (page_.empty()) new_page();
      if (used() + pieces[i].size() > page_lines) continue_on_new_page(session, i > 0);
      // A piece longer than a page (pages of cues from a custom catalogue) is split.
      for (std::string_view line : pieces[i]) {
        if (used() >= page_lines) continue_on_new_page(session, true);
        page_.push_back(line);
      }
    }
  }

  std::vector<View> finish() {
    if (!page_.empty()) pages_.push_back(std::move(page_));
    for (auto& page : pages_) {
      while (!page.empty() && page.back().empty()) page.pop_back();
    }
    return std::move(pages_);
  }

 private:
  std::size_t used() const { return page_.size(); }

  /// The week's heading on its first page, or on a page that continues it (made once a week).
  const Lines& header(bool continued) {
    std::optional<Lines>& made = headers_[continued ? 1 : 0];
    if (!made) made = make_header(continued);
    return *made;
  }

  Lines make_header(bool continued) const {
    Lines lines;
    std::string title = week_title(plan_, week_) + (continued ? " (continued)" : "");
    std::string goals = plan_heading(plan_, "");
    if (display_width(goals) + display_width(title) + 2 <= width) {
      lines.push_back(spread(goals, title));
    } else {
      add_wrapped(lines, goals, "", "");
      lines.push_back(title);
    }
    if (!week_.sessions.empty() && week_.sessions.front().date) {
      Date first = *week_.sessions.front().date;
      lines.push_back(fmt::format("{} {} to {} {}", weekday_label(weekday_index(first)), iso_date(first),
                                  weekday_label(weekday_index(first + std::chrono::days{6})),
                                  iso_date(first + std::chrono::days{6})));
    }
    if (!week_.note.empty()) add_wrapped(lines, single_line(week_.note), "", "");
    // The sheet has no room for the notes, so it carries their short safety reminders.
    if (!continued) {
      for (const auto& reminder : plan_.reminders) add_wrapped(lines, single_line(reminder), "! ", "  ");
    }
    lines.push_back(std::string(static_cast<std::size_t>(width), '='));
    lines.push_back("");
    return lines;
  }

  std::size_t header_size() { return header(false).size(); }

  void continue_on_new_page(const Session& session, bool say_continued) {
    new_page();
    if (say_continued) {
      page_.push_back(owned_.emplace_back(spread(day_title(plan_, session) + " (continued)", "")));
      page_.push_back(dashes());
    }
  }

  // Every page after a week's first says it continues the week.
  void new_page() {
    if (!page_.empty()) pages_.push_back(std::move(page_));
    const Lines& lines = header(!pages_.empty());
    page_.assign(lines.begin(), lines.end());
  }

  const Plan& plan_;
  const Week& week_;
  View page_;
  std::vector<View> pages_;
  ItemLines items_;
  std::optional<Lines> headers_[2];
  std::deque<std::string> owned_;  ///< lines the pages' views refer to
};

}  // namespace

void write_sheet(const Plan& plan, Sink& sink) {
  bool first_page = true;
  for (const auto& week : plan.weeks_list) {
    Pages week_pages(plan, week);
    for (const auto& session : week.sessions) week_pages.add_session(session);
    for (const auto& page : week_pages.finish()) {
      if (!first_page) sink.put('\f');
      first_page = false;
      for (const auto& line : page) {
        sink.write(line);
        sink.put('\n');
      }
    }
  }
}

}  // namespace lbtrain
