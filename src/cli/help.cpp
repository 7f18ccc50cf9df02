#include "cli/help.hpp"
#include "cli/commands.hpp"

#include "format/layout.hpp"

#include <algorithm>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

/// Whether `line` is a record such as "Preset home: mat, wall": one to three words from the
/// margin and a colon.
bool is_record(std::string_view line) {
  std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon > 24 || line.empty() || line.front() == ' ') return false;
  std::string_view label = line.substr(0, colon);
  if (label.find_first_of(".,;()'") != std::string_view::npos) return false;
  return std::count(label.begin(), label.end(), ' ') < 3;
}

/// Where a broken line goes on: the start of its last column (after a run of two or more
/// spaces, as in an option's row or an aligned comment) when that leaves room, else four
/// columns past its indent.
std::size_t continuation_indent(std::string_view line, std::size_t width) {
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) indent = 0;
  std::size_t column = 0;
  for (std::size_t i = indent; i + 2 < line.size() && i < width / 2; ++i) {
    if (line[i] == ' ' && line[i + 1] == ' ') {
      std::size_t next = line.find_first_not_of(' ', i);
      if (next != std::string_view::npos && next <= width / 2) column = next;
      i = next == std::string_view::npos ? line.size() : next;
    }
  }
  if (column > indent) return column;
  // Prose from the margin goes on at the margin; a record or an indented line (a command) hangs
  // further in.
  return indent == 0 && !is_record(line) ? 0 : std::min(indent + 4, width / 2);
}

/// Whether `line` is prose that runs on from the line before it: both start at the margin,
/// neither is a list item, a record or an aligned table row, and the one before does not end a
/// heading.
bool runs_on(std::string_view before, std::string_view line) {
  auto prose = [](std::string_view text) {
    return !text.empty() && text.front() != ' ' && text.rfind("- ", 0) != 0 && text.rfind("* ", 0) != 0 &&
           text.find("  ") == std::string_view::npos && !is_record(text);
  };
  return prose(before) && prose(line) && before.back() != ':';
}

/// The paragraphs of `text` with the line breaks inside their prose taken out, so the help is
/// wrapped to the terminal once, not broken where the source happened to break it.
std::string reflow(const std::string& text) {
  std::string out;
  std::string_view before;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(start, end - start);
    if (start > 0) out += runs_on(before, line) ? ' ' : '\n';
    out.append(line);
    before = line;
    start = end + 1;
  }
  return out;
}

/// One line broken at spaces into lines of at most `width` columns (a word longer than a line
/// stays whole). The first line keeps its spacing, so aligned columns stay aligned.
void wrap_line(std::string_view line, std::size_t width, std::string& out) {
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  if (static_cast<std::size_t>(layout::display_width(line)) <= width) {
    out.append(line).push_back('\n');
    return;
  }
  const std::size_t hang = continuation_indent(line, width);
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) {
    out += "\n";
    return;
  }
  std::string current(line.substr(0, indent));
  std::size_t current_width = indent;
  bool has_word = false;
  std::size_t at = indent;
  while (at < line.size()) {
    std::size_t word_start = line.find_first_not_of(' ', at);
    if (word_start == std::string_view::npos) break;
    std::size_t word_end = std::min(line.find(' ', word_start), line.size());
    std::string_view separator = line.substr(at, word_start - at);
    std::string_view word = line.substr(word_start, word_end - word_start);
    const auto word_width = static_cast<std::size_t>(layout::display_width(word));
    if (has_word && current_width + separator.size() + word_width > width) {
      out += current + "\n";
      // A word too long for the column starts further left rather than run past the edge.
      const std::size_t here = hang + word_width > width ? std::min(indent + 4, hang) : hang;
      current.assign(here, ' ');
      current_width = here;
      separator = {};
    }
    current.append(separator).append(word);
    current_width += separator.size() + word_width;
    has_word = true;
    at = word_end;
  }
  out += current + "\n";
}

class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::size_t width) : width_(width) { column_width(std::min<std::size_t>(30, width / 3)); }

  /// An option's row, its description two spaces or more from its name (or on the next line),
  /// so a wrapped description goes on in its own column.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::ostringstream out;
    CLI::detail::format_help(out, make_option_name(opt, is_positional) + make_option_opts(opt) + " ",
                             make_option_desc(opt), get_column_width());
    return out.str();
  }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return CLI::Formatter::make_help(app, name, mode);
    // The footer's "Examples:" paragraph comes right after the usage; the rest after the options.
    std::string examples, rest;
    std::string footer = app->get_footer();
    std::size_t at = 0;
    while (at < footer.size()) {
      std::size_t end = footer.find("\n\n", at);
      if (end == std::string::npos) end = footer.size();
      std::string paragraph = footer.substr(at, end - at);
      at = end + 2;
      auto first = paragraph.find_first_not_of('\n');
      if (first == std::string::npos) continue;
      paragraph.erase(0, first);
      while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
      std::string& into = paragraph.rfind("Examples:", 0) == 0 && examples.empty() ? examples : rest;
      into += (into.empty() ? "" : "\n\n") + paragraph;
    }
    std::ostringstream out;
    out << reflow(make_description(app)) << make_usage(app, name);
    if (!examples.empty()) out << "\n" << examples << "\n";
    out << make_positionals(app) << make_groups(app, mode) << make_subcommands(app, mode);
    // Every command's help points to the exit statuses, once.
    if (rest.find("Exit status:") == std::string::npos) rest += (rest.empty() ? "" : "\n\n") + std::string(exit_codes_help);
    while (!rest.empty() && rest.back() == '\n') rest.pop_back();
    out << "\n" << reflow(rest) << "\n";
    return wrap_help(out.str(), width_);
  }

 private:
  std::size_t width_;
};

}  // namespace

std::string wrap_help(const std::string& text, std::size_t width) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    wrap_line(std::string_view(text).substr(start, end - start), width, out);
    start = end + 1;
  }
  if (!text.empty() && text.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

std::shared_ptr<CLI::Formatter> help_formatter(std::size_t width) { return std::make_shared<HelpFormatter>(width); }

std::size_t help_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return std::clamp<std::size_t>(size.ws_col, 40, 160);
  }
  return 80;
}

}  // namespace lbtrain::cli
