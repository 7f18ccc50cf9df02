#include "log/export_reader.hpp"

#include "format/escape.hpp"
#include "format/layout.hpp"
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
  std::string known;
  for (const auto& f : formats) known += fmt::format("\n  {}: {}", f.name, join(f.columns, ","));
  data_error(fmt::format("{}:1: not an export lbtrain reads: the header \"{}\" is none of these{}\n"
                         "(give --from if the file is one of them, to see which column is missing); nothing was imported",
                         origin, single_line(layout::truncate(join(header.names(), ","), 120)), known));
}

/// Text from the file, made valid UTF-8 (most of it is ASCII, and is left as it is).
void make_valid(std::string& text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    text = valid_utf8(text);
  }
}

}  // namespace

ExportReader::ExportReader(const ImportOptions& options, std::string origin, std::string_view text)
    : origin_(std::move(origin)),
      from_(options.from),
      delimiter_(CsvReader::detect_delimiter(text)),
      csv_(text, origin_, delimiter_),
      context_{origin_, std::filesystem::path(options.file).filename().string(), options.unit} {
  if (!csv_.next(fields_)) data_error(origin_ + " is empty: an export starts with its header; nothing was imported");
  header_ = std::make_unique<Header>(fields_);
  format_ = &choose_format(*header_, from_, origin_);
  reader_ = format_->reader(*header_, context_);
  // Refused before the log is opened: an export of nothing is most likely the wrong file.
  if (csv_.done()) data_error(origin_ + " has a header and no rows: there is nothing to import; nothing was imported");
}

void ExportReader::read(const std::function<void(LoggedSet&)>& each) {
  NameResolver names(builtin_name_map(), builtin_catalogue());
  while (csv_.next(fields_)) {
    ++tally_.rows;
    Row row(fields_, *header_, origin_, csv_.line(), delimiter_ == ';');
    ImportedRow imported = reader_->read(row);
    if (imported.kind != ImportedRow::Kind::set) {
      ++tally_.skipped[imported.kind];
      continue;
    }
    prepare(imported.set, names);
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
