#include "log/import/export_reader.hpp"

#include "log/store.hpp"
#include "log/import/export_languages.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/model/calendar.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace lbtrain::log {

namespace {

/// The format whose columns the header shares most of (at least 3, in any case or language),
/// or nullptr.
const ImportFormat* look_alike(const Header& header) {
  const ImportFormat* best = nullptr;
  std::size_t most = 2;
  for (const auto& f : import_formats()) {
    std::size_t shared = 0;
    for (const auto& column : f.columns) {
      std::string key = language_key(column);
      for (std::size_t i = 0; i < header.names().size(); ++i) {
        if (header.names()[i].size() > 100) continue;  // no column's name
        if (language_key(header.names()[i]) == key || language_key(header.english(i)) == key) {
          ++shared;
          break;
        }
      }
    }
    if (shared > most) {
      most = shared;
      best = &f;
    }
  }
  return best;
}

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
  std::string hint = "give --from with one of them to see which column is missing; 'lbtrain log import --help' lists "
                     "their columns";
  if (const ImportFormat* like = look_alike(header)) {
    hint = fmt::format("it looks like {} export in a language or version lbtrain does not know: export it again with "
                       "{} set to English, which lbtrain reads, or give --from {} to see which column is missing",
                       like->name == "lbtrain" ? "an lbtrain" : "a " + like->name, like->name, like->id);
  }
  data_error(fmt::format("{}:1: not an export lbtrain reads: the header \"{}\" is none of {} ({}); nothing was imported",
                         origin, single_line(layout::truncate(join(header.names(), ","), 120)), join(names, ", "), hint));
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

/// What the log's database would refuse, refused first with the file and line, before the set
/// is numbered or its name counted: a day the log does not hold (a day ahead of today is
/// allowed: the export may come from a time zone east of here), and a name or note past their
/// lengths.
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
}

/// A set number past the most a session holds (known once the set is numbered).
void check_set_number(const LoggedSet& set, const Row& row) {
  if (set.set_number > max_set_number) {
    row.fail(fmt::format("set {} of \"{}\" in one session: a session holds at most {} sets of an exercise",
                         set.set_number, single_line(set.exercise), max_set_number));
  }
}

/// The first bytes of `source` (up to 4 KB: a header's first line, and enough to tell UTF-16),
/// which is then read again from its start.
std::string first_bytes(ByteSource& source) {
  std::string head;
  auto& w = source.window();
  while (head.size() < 4096 && (w.pos < w.len || source.refill())) {
    std::size_t n = std::min(w.len - w.pos, 4096 - head.size());
    head.append(w.data + w.pos, n);
    w.pos += n;
  }
  source.restart();
  return head;
}

}  // namespace

ExportReader::ExportReader(const ImportOptions& options, std::string origin, std::string_view text)
    : ExportReader(options, origin, ByteSource::from_text(text, origin), nullptr) {}

ExportReader::ExportReader(const ImportOptions& options, std::string origin, ByteSource& source)
    : ExportReader(options, std::move(origin), std::nullopt, &source) {}

ExportReader::ExportReader(const ImportOptions& options, std::string origin, std::optional<ByteSource> owned,
                           ByteSource* source)
    : owned_(std::move(owned)),
      source_(source ? source : &*owned_),
      origin_(std::move(origin)),
      from_(options.from),
      strict_(options.strict),
      head_(first_bytes(*source_)),
      delimiter_(CsvReader::detect_delimiter(head_)),
      csv_(*source_, delimiter_),
      context_{origin_, std::filesystem::path(options.file).filename().string(), options.unit} {
  std::string_view text = head_;
  // UTF-16 (Excel's "Unicode text"): a byte-order mark, or a NUL in every other byte of ASCII.
  bool utf16 = text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" ||
               (text.size() >= 4 && (text[0] == '\0' || text[1] == '\0') && (text[2] == '\0' || text[3] == '\0'));
  if (utf16) data_error(origin_ + " looks like UTF-16; save it as UTF-8 (CSV UTF-8) and import that; nothing was imported");
  head_.clear();
  head_.shrink_to_fit();
  if (!csv_.next(fields_)) data_error(origin_ + " is empty: an export starts with its header; nothing was imported");
  if (!csv_.overlong().empty()) {
    data_error(fmt::format("{}:1: not an export lbtrain reads: its header has a field of {} bytes, and no column's "
                           "name is longer than a few words; nothing was imported",
                           origin_, csv_.overlong().front().second));
  }
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
    if (!csv_.overlong().empty()) {
      check_field_lengths();
      continue;
    }
    check_field_count();
    Row row(fields_, *header_, csv_.line(), delimiter_ == ';');
    ImportedRow imported;
    try {
      imported = reader_->read(row);
    } catch (const BadRow& bad) {
      tally_.bad_rows.push_back(bad.problem);
      continue;
    }
    if (imported.kind == ImportedRow::Kind::note) {
      ++tally_.skipped[imported.kind];
      LoggedSet& n = imported.set;
      if (n.date != workout_date_ || n.session != workout_session_) flush(each);
      workout_date_ = n.date;
      workout_session_ = n.session;
      make_valid(n.exercise);
      make_valid(n.note);
      std::string& note = workout_notes_[n.exercise];
      note += (note.empty() || n.note.empty() ? "" : "\n") + n.note;
      continue;
    }
    if (imported.kind != ImportedRow::Kind::set) {
      ++tally_.skipped[imported.kind];
      continue;
    }
    try {
      make_valid(imported.set.exercise);
      make_valid(imported.set.note);
      make_valid(imported.set.session);
      make_valid(imported.session_note);
      check_for_log(imported.set, row, today);
      if (imported.session_note.size() > max_note_chars && code_points(imported.session_note) > max_note_chars) {
        row.fail(fmt::format("a workout note of {} characters; lbtrain keeps up to {}",
                             code_points(imported.session_note), max_note_chars));
      }
      prepare(imported.set, names);
      check_set_number(imported.set, row);
    } catch (const BadRow& bad) {
      tally_.bad_rows.push_back(bad.problem);
      continue;
    }
    if (imported.set.warmup) ++tally_.warmups;
    if (imported.carry) ++tally_.carries;
    keep_session_note(imported);
    hold(std::move(imported.set), each);
  }
  flush(each);
  if (strict_ && !tally_.bad_rows.empty()) {
    std::string list;
    for (const auto& p : tally_.bad_rows) list += "\n  " + p.text(origin_);
    std::size_t n = tally_.bad_rows.size();
    data_error(fmt::format("{}: {} row{} cannot be imported, and --strict imports all or nothing; nothing was "
                           "imported:{}",
                           origin_, n, n == 1 ? "" : "s", list));
  }
}

void ExportReader::hold(LoggedSet&& set, const std::function<void(LoggedSet&)>& each) {
  if (set.date != workout_date_ || set.session != workout_session_) {
    flush(each);
    workout_date_ = set.date;
    workout_session_ = set.session;
  }
  workout_.push_back(std::move(set));
}

void ExportReader::flush(const std::function<void(LoggedSet&)>& each) {
  for (auto& set : workout_) {
    auto note = workout_notes_.find(set.exercise);
    if (note != workout_notes_.end() && !note->second.empty()) {
      set.note = set.note.empty() ? note->second : note->second + "\n" + set.note;
      ++tally_.noted;
    }
    each(set);
  }
  workout_.clear();
  workout_notes_.clear();
}

void ExportReader::check_field_count() {
  const std::size_t want = header_->names().size();
  if (fields_.size() == want) return;
  if (fields_.size() > want && format_->repair && format_->repair(fields_, *header_)) {
    tally_.repaired.push_back(csv_.line());
    return;
  }
  data_error(fmt::format("{}:{}: line {} has {} field{}, the header has {} (a field holding a '{}' must be quoted); "
                         "nothing was imported",
                         origin_, csv_.line(), csv_.line(), fields_.size(), fields_.size() == 1 ? "" : "s", want,
                         delimiter_));
}

void ExportReader::keep_session_note(ImportedRow& imported) {
  // The apps repeat a workout's note on each of its rows: kept once a session.
  if (imported.session_note.empty()) return;
  auto& notes = tally_.session_notes;
  const LoggedSet& set = imported.set;
  if (!notes.empty() && notes.back().date == set.date && notes.back().session == set.session &&
      notes.back().note == imported.session_note) {
    return;
  }
  notes.push_back({set.date, set.session, std::move(imported.session_note)});
}

void ExportReader::check_field_lengths() {
  // The row is skipped as any row that cannot be imported: its field was cut while it was read,
  // and no column lbtrain imports holds anything that long.
  const auto [index, bytes] = csv_.overlong().front();
  const auto& names = header_->names();
  RowProblem problem{csv_.line(), "", "",
                     fmt::format("a field of {} bytes, longer than anything an export holds (lbtrain keeps exercise "
                                 "names of up to {} characters and notes of up to {})",
                                 bytes, max_name_chars, max_note_chars)};
  if (fields_.size() == names.size()) {
    problem.why = fmt::format("column \"{}\": {}", single_line(layout::truncate(names[index], 40)), problem.why);
  }
  tally_.bad_rows.push_back(std::move(problem));
}

void ExportReader::prepare(LoggedSet& set, NameResolver& names) {
  if (set.exercise_id.empty()) {
    const Resolved& r = names.resolve(set.exercise);
    set.exercise_id = r.id;
    if (r.exercise) set.per_side = r.exercise->per_side;
    if (r.exercise && !set.warmup) ++tally_.mapped[r.id];
    if (!r.exercise) ++tally_.unmapped.try_emplace(set.exercise, r.id, 0).first->second.second;
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

}  // namespace lbtrain::log
