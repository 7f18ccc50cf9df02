#include "log/day_marks.hpp"

#include "format/escape.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

namespace lbtrain::log {

namespace {

int pain_value(const std::vector<std::string>& words) {
  if (words.size() < 2) usage_error("log morning: say how the back is, 0 to 10, such as: lbtrain log morning pain 3");
  std::string text;
  for (std::size_t i = 1; i < words.size(); ++i) text += words[i];
  if (text.rfind("pain", 0) == 0) text = text.substr(4);
  if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(text) > 10) {
    usage_error(fmt::format("\"{}\": the morning after is back pain, a whole number from 0 (none) to 10, such as: "
                            "lbtrain log morning pain 3",
                            single_line(text)));
  }
  return std::stoi(text);
}

std::string previous_day(const std::string& date) { return iso_date(*parse_iso_date(date) - std::chrono::days(1)); }

}  // namespace

std::string log_day_mark(const std::vector<std::string>& words, const std::string& date, const std::string& db) {
  const std::string& kind = words.front();
  if (kind != "morning" && kind != "flag" && kind != "cleared") return "";
  DayMark mark{date, kind, 0, ""};
  std::string summary;
  if (kind == "morning") {
    mark.pain = pain_value(words);
    summary = fmt::format("{} the morning after: back pain {}/10", date, mark.pain);
  } else if (kind == "flag") {
    const auto& pain = builtin_rules().adaptation.pain;
    std::vector<std::string> ids;
    if (pain) {
      for (const auto& [id, words_of] : pain->signs) ids.push_back(id);
    }
    if (words.size() == 1) usage_error(fmt::format("log flag: name the warning sign; allowed: {}", join(ids, ", ")));
    if (words.size() > 2) {
      usage_error(fmt::format("log flag: one warning sign an entry (\"{}\" is more); log each: lbtrain log flag {}",
                              single_line(words[2]), single_line(words[1])));
    }
    if (!pain || !pain->signs.count(words[1])) {
      std::string given = words.size() > 1 ? single_line(words[1]) : "";
      std::string hint = did_you_mean(given, ids);
      usage_error(fmt::format("log flag: \"{}\" is not a warning sign{}{}allowed: {}", given, hint, hint.empty() ? "; " : " ",
                              join(ids, ", ")));
    }
    mark.sign = words[1];
    summary = fmt::format("{} warning sign: {}", date, pain->signs.at(mark.sign));
  } else {
    if (words.size() != 1) usage_error("log cleared takes no more words: it records that a doctor or physical therapist cleared your back to train");
    summary = fmt::format("{} cleared to train by a doctor or physical therapist", date);
  }
  Store store = Store::open(db, Store::Access::write);
  store.write([&] {
    if (kind == "morning") {
      SQLite::Statement session(database(store), "SELECT count(*) FROM sets WHERE date = ? AND warmup = 0");
      session.bind(1, previous_day(date));
      session.executeStep();
      if (session.getColumn(0).getInt() == 0) {
        usage_error(fmt::format("log morning: no session is logged on {}, the day before {}; the morning after is "
                                "logged the morning after a session (--date is the morning's date)",
                                previous_day(date), date));
      }
    }
    std::int64_t entry = store.add_entry("typed", summary);
    SQLite::Statement insert(database(store), "INSERT INTO marks (entry_id, date, kind, pain, sign) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, entry);
    insert.bind(2, mark.date);
    insert.bind(3, mark.kind);
    if (kind == "morning") insert.bind(4, mark.pain);
    else insert.bind(4);
    insert.bind(5, mark.sign);
    insert.exec();
  });
  return single_line("Logged " + summary) + "\n";
}

std::vector<DayMark> read_marks(Store& store) {
  std::vector<DayMark> marks;
  if (!store.exists()) return marks;
  with_database_errors(store.path(), [&] {
    if (database(store).execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'marks'").getInt() == 0) return;
    SQLite::Statement rows(database(store), "SELECT date, kind, ifnull(pain, 0), sign FROM marks ORDER BY date, id");
    while (rows.executeStep()) {
      marks.push_back({rows.getColumn(0).getString(), rows.getColumn(1).getString(), rows.getColumn(2).getInt(),
                       rows.getColumn(3).getString()});
    }
  });
  return marks;
}

}  // namespace lbtrain::log
