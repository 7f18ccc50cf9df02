#include "log/export_reader.hpp"

#include "log/store.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/calendar.hpp"
#include "lbtrain/data_set.hpp"
#include "lbtrain/error.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace lbtrain::logbook {

namespace {

const ImportFormat& choose_format(const Header& header, const std::string& from, const std::string& origin) {
  const auto& formats = import_formats();
  if (from != "auto") {
    const auto& f = *std::find_if(formats.begin(), formats.end(), [&](const auto& x) { return x.id == from; });
    if (!f.matches(header)) {
      data_error(fmt::format("{}:1: not {} {} export: its header needs the columns {}; nothing was imported", origin,
                             f.name == "lbtrain" ? "an" : "a", f.name, join(f.columns, ",")));
    }
    return f;
  }
  for (const auto& f : formats) {
    if (f.matches(header)) return f;
  }
  std::vector<std::string> names;
  for (const auto& f : formats) names.push_back(f.name);
  data_error(fmt::format("{}:1: not an export lbtrain reads: the header \"{}\" is none of {} (give --from with one of "
                         "them to see which column is missing; 'lbtrain log import --help' lists their columns); "
                         "nothing was imported",
                         origin, single_line(layout::truncate(join(header.names(), ","), 120)), join(names, ", ")));
}

/// Text from the file, made valid UTF-8 (most of it is ASCII, and is left as it is).
void make_valid(std::string& text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    text = valid_utf8(text);
  }
}

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// What the log's database would refuse, refused first with the file and line: a day the log
/// does not hold (a day ahead of today is allowed: the export may come from a time zone east of
/// here), a set number past the most a session holds, and a name or note past their lengths.
void check_for_log(const LoggedSet& set, const Row& row, Date today) {
  auto date = parse_iso_date(set.date);
  if (!date) row.fail(fmt::format("\"{}\" is not a date", single_line(set.date)));
  if (auto why = log_date_problem(*date, today, 1); !why.empty()) row.fail(why);
  for (const auto* text : {&set.exercise, &set.note}) {
    const std::size_t limit = text == &set.note ? max_note_chars : max_name_chars;
    if (text->size() > limit && code_points(*text) > limit) {
      row.fail(fmt::format("{} of {} characters; lbtrain keeps up to {}", text == &set.note ? "a note" : "an exercise name",
                           code_points(*text), limit));
    }
  }
  if (set.set_number > max_set_number) {
    row.fail(fmt::format("set {} of \"{}\" in one session: a session holds at most {} sets of an exercise",
                         set.set_number, single_line(set.exercise), max_set_number));
  }
}

}  // namespace

ExportReader::ExportReader(const ImportOptions& options, std::string origin, std::string_view text)
    : origin_(std::move(origin)),
      from_(options.from),
      delimiter_(CsvReader::detect_delimiter(text)),
      csv_(text, origin_, delimiter_),
      context_{origin_, std::filesystem::path(options.file).filename().string(), options.unit} {
  // UTF-16 (Excel's "Unicode text"): a byte-order mark, or a NUL in every other byte of ASCII.
  bool utf16 = text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" ||
               (text.size() >= 4 && (text[0] == '\0' || text[1] == '\0') && (text[2] == '\0' || text[3] == '\0'));
  if (utf16) data_error(origin_ + " looks like UTF-16; save it as UTF-8 (CSV UTF-8) and import that; nothing was imported");
  if (!csv_.next(fields_)) data_error(origin_ + " is empty: an export starts with its header; nothing was imported");
  header_ = std::make_unique<Header>(fields_);
  format_ = &choose_format(*header_, from_, origin_);
  reader_ = format_->reader(*header_, context_);
  // Refused before the log is opened: an export of nothing is most likely the wrong file.
  if (csv_.done()) data_error(origin_ + " has a header and no rows: there is nothing to import; nothing was imported");
}

void ExportReader::read(const std::function<void(LoggedSet&)>& each) {
  NameResolver names(builtin_name_map(), builtin_catalogue());
  const Date today = today_local();
  while (csv_.next(fields_)) {
    ++tally_.rows;
    Row row(fields_, *header_, origin_, csv_.line(), delimiter_ == ';');
    ImportedRow imported = reader_->read(row);
    if (imported.kind != ImportedRow::Kind::set) {
      ++tally_.skipped[imported.kind];
      continue;
    }
    prepare(imported.set, names);
    check_for_log(imported.set, row, today);
    if (imported.set.warmup) ++tally_.warmups;
    each(imported.set);
  }
}

void ExportReader::prepare(LoggedSet& set, NameResolver& names) {
  make_valid(set.exercise);
  make_valid(set.note);
  make_valid(set.session);
  if (set.exercise_id.empty()) {
    const Resolved& r = names.resolve(set.exercise);
    set.exercise_id = r.id;
    if (r.exercise) set.per_side = r.exercise->per_side;
    else ++tally_.unmapped.try_emplace(set.exercise, r.id, 0).first->second.second;
  }
  if (set.set_number == 0) {
    // Sets are numbered per session and exercise name, in file order.
    if (!session_numbers_ || set.date != session_date_ || set.session != session_name_) {
      session_date_ = set.date;
      session_name_ = set.session;
      session_numbers_ = &numbers_[set.date + '\n' + set.session];
    }
    set.set_number = ++(*session_numbers_)[set.exercise];
  }
}

}  // namespace lbtrain::logbook
