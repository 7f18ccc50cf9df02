#include "log/notation.hpp"

#include "log/logged_set.hpp"

#include "format/escape.hpp"
#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <sstream>

namespace lbtrain::log {

const char* const notation_help =
    "NxR (3x12), R,R,R (8,8,7), NxSs (3x30s held), NxBb (2x10b breaths), @LOAD (@20kg, @45lb, @22.5, "
    "@60,60,65kg, @bw), rirN or rir N,N,N (reps in reserve, 0 to 10), rpeN (10 - RPE), warmup before a group, painN or pain N (back pain 0 to 10, once an entry)";

namespace {

std::string lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_digit(std::string_view t) { return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])); }

/// Splits "8,8,7" on commas; an empty part (8,,7) stays empty so it is reported.
std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

class Parser {
 public:
  std::vector<TypedGroup> run(const std::vector<std::string>& words) {
    std::vector<std::string> tokens;
    for (const auto& word : words) {
      std::istringstream in(word);
      for (std::string t; in >> t;) tokens.push_back(t);
    }
    for (const auto& token : tokens) step(token);
    if (expect_ != Expect::nothing) {
      bad(last_, expect_ == Expect::load ? "\"@\" needs a load after it, such as @ 20kg"
                                         : "needs values after it, such as rir 2 or rir 3,2,1");
    }
    if (warmup_next_) bad("warmup", "marks the sets after it, as in: warmup 2x5@40kg 3x5@100kg");
    if (expect_ == Expect::nothing && pain_expected_) bad(last_, "needs the back pain after it, 0 to 10, such as pain 3");
    if (groups_.empty()) {
      usage_error(fmt::format("no sets given: say what you did after the exercise, such as 3x12@20kg; allowed: {}",
                              notation_help));
    }
    for (auto& g : groups_) g.pain = pain_;
    return std::move(groups_);
  }

 private:
  enum class Expect { nothing, load, rir, rpe };
  std::vector<TypedGroup> groups_;
  Expect expect_ = Expect::nothing;
  bool warmup_next_ = false;
  bool unit_may_follow_ = false;  ///< the last token was a load without a unit
  bool pain_expected_ = false;    ///< the last token was "pain"
  std::optional<int> pain_;
  std::string last_;

  [[noreturn]] void bad(const std::string& token, const std::string& why) {
    usage_error(fmt::format("\"{}\": {}", single_line(token), why));
  }

  TypedGroup& current(const std::string& token, const char* what) {
    if (groups_.empty()) bad(token, fmt::format("{} belongs after a group of sets, such as 3x12{}", what,
                                                std::string_view(what) == "a load" ? "@20kg" : " rir2"));
    return groups_.back();
  }

  void step(const std::string& token) {
    std::string t = lower(token);
    Expect expected = expect_;
    expect_ = Expect::nothing;
    bool unit_may_follow = unit_may_follow_;
    unit_may_follow_ = false;
    last_ = token;
    if (pain_expected_) {
      pain_expected_ = false;
      return pain(token, t);
    }
    if (t.rfind("pain", 0) == 0) {
      if (t.size() == 4) {
        pain_expected_ = true;
        return;
      }
      return pain(token, t.substr(4));
    }
    bool new_group = expected == Expect::nothing && starts_digit(t);
    if (!groups_.empty() && !new_group && t != "warmup" && t != "warm-up") groups_.back().text += " " + token;
    if (expected == Expect::load) return load(token, token);
    if (expected == Expect::rir || expected == Expect::rpe) return effort(token, token, expected == Expect::rpe);
    if (t.size() > 1 && t[0] == '-' && (std::isdigit(static_cast<unsigned char>(t[1])) || t[1] == '.')) {
      bad(token, "no negative numbers: sets, reps, seconds, loads and reps in reserve are all more than 0");
    }
    if (new_group) return group(token);
    if (t == "@") {
      expect_ = Expect::load;
      current(token, "a load");
      return;
    }
    if (t[0] == '@') return load(token, token.substr(1));
    if (unit_may_follow && parse_load_unit(t)) {
      groups_.back().unit = parse_load_unit(t);
      return;
    }
    if (t.rfind("rir", 0) == 0 || t.rfind("rpe", 0) == 0) return effort_word(token, t);
    if (t == "warmup" || t == "warm-up") {
      warmup_next_ = true;
      return;
    }
    static const std::vector<std::string> words{"rir", "rpe", "warmup", "kg", "lb", "@bw", "pain"};
    std::string hint = did_you_mean(t, words);
    bad(token, fmt::format("not part of the notation{}{}allowed: {}", hint, hint.empty() ? "; " : " ", notation_help));
  }

  void effort_word(const std::string& token, const std::string& t) {
    bool rpe = t[1] == 'p';
    current(token, rpe ? "an RPE" : "reps in reserve");
    std::string rest = token.substr(3);
    if (rest.empty()) {
      expect_ = rpe ? Expect::rpe : Expect::rir;
      return;
    }
    effort(token, rest, rpe);
  }

  void group(const std::string& token) {
    TypedGroup g;
    g.text = token;
    g.warmup = warmup_next_;
    warmup_next_ = false;
    auto at = token.find('@');
    std::string counts = token.substr(0, at);
    parse_counts(token, counts, g);
    groups_.push_back(std::move(g));
    if (at != std::string::npos) load(token, token.substr(at + 1));
  }

  /// "3x12", "3x30s", "8,8,7", "30,30,25s".
  void parse_counts(const std::string& token, const std::string& text, TypedGroup& g) {
    auto x = text.find_first_of("xX*");
    if (x != std::string::npos) {
      int sets = whole(token, text.substr(0, x), "sets");
      if (sets < 1 || sets > max_sets_per_group) {
        bad(token, fmt::format("{} sets: a group has 1 to {} sets", sets, max_sets_per_group));
      }
      int value = count(token, text.substr(x + 1), g);
      g.counts.assign(static_cast<std::size_t>(sets), value);
      return;
    }
    for (auto part : split_commas(text)) g.counts.push_back(count(token, std::string(part), g));
    if (g.counts.size() > static_cast<std::size_t>(max_sets_per_group)) {
      bad(token, fmt::format("{} sets: a group has 1 to {} sets", g.counts.size(), max_sets_per_group));
    }
  }

  /// One count with its optional suffix: "12", "30s", "10b".
  int count(const std::string& token, const std::string& text, TypedGroup& g) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    std::string suffix = lower(text.substr(digits));
    std::optional<DoseKind> kind;
    if (suffix == "s" || suffix == "sec" || suffix == "secs") kind = DoseKind::seconds;
    else if (suffix == "b" || suffix == "breaths") kind = DoseKind::breaths;
    else if (suffix == "r" || suffix == "reps") kind = DoseKind::reps;
    else if (!suffix.empty()) bad(token, fmt::format("\"{}\" is not a count; allowed: {}", single_line(text), notation_help));
    if (kind) {
      if (g.kind && *g.kind != *kind) bad(token, "one group counts one thing: reps, seconds (s) or breaths (b)");
      g.kind = kind;
    }
    return whole(token, text.substr(0, digits), "a count");
  }

  int whole(const std::string& token, const std::string& digits, const char* what) {
    if (digits.empty()) bad(token, fmt::format("{} is missing; allowed: {}", what, notation_help));
    int value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      bad(token, fmt::format("\"{}\" is too large", digits));
    }
    return value;
  }

  static std::optional<double> decimal(std::string_view text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return std::nullopt;
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  }

  /// "20kg", "22.5", "60,60,65kg", "bw".
  void load(const std::string& token, const std::string& text) {
    TypedGroup& g = current(token, "a load");
    if (!g.loads.empty()) bad(token, "this group has a load already");
    std::string t = lower(text);
    if (t == "bw" || t == "bodyweight") return;
    std::size_t end = t.find_first_not_of("0123456789.,");
    std::string numbers = t.substr(0, end);
    if (end != std::string::npos) {
      auto unit = parse_load_unit(t.substr(end));
      if (!unit) bad(token, fmt::format("a load is a number with kg or lb, such as @20kg or @45lb, or @bw for bodyweight"));
      g.unit = unit;
    } else {
      unit_may_follow_ = true;
    }
    for (auto part : split_commas(numbers)) {
      auto value = decimal(part);
      if (!value) bad(token, "a load is a number with kg or lb, such as @20kg, @22.5kg or @60,60,65kg, or @bw");
      g.loads.push_back(*value);
    }
    if (g.loads.size() != 1 && g.loads.size() != g.counts.size()) {
      bad(token, fmt::format("{} loads for {} sets: give one load, or one for each set", g.loads.size(), g.counts.size()));
    }
  }

  /// The back pain after "pain": a whole number from 0 to 10, once an entry.
  void pain(const std::string& token, const std::string& value) {
    if (pain_) bad(token, fmt::format("back pain is given once an entry (pain {} already): the worst during the sets", *pain_));
    if (value.empty() || value.size() > 2 || value.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(value) > 10) {
      bad(token, "back pain is a whole number from 0 (none) to 10 (the worst imaginable), such as pain 3");
    }
    pain_ = std::stoi(value);
  }

  /// "4", "3,2,1" after rir (or rpe, turned into reps in reserve).
  void effort(const std::string& token, const std::string& text, bool rpe) {
    TypedGroup& g = groups_.back();
    if (!g.rir.empty()) bad(token, "this group has reps in reserve already");
    for (auto part : split_commas(text)) {
      auto value = decimal(part);
      if (!value) bad(token, rpe ? "RPE is a number from 0 to 10, such as rpe8 or rpe 8,9,9.5"
                                 : "reps in reserve are numbers from 0 to 10, such as rir2 or rir 3,2,1");
      if (*value > max_rir) bad(token, rpe ? "RPE is 0 to 10" : rir_problem(*value));
      g.rir.push_back(rpe ? max_rir - *value : *value);
    }
    if (g.rir.size() != 1 && g.rir.size() != g.counts.size()) {
      bad(token, fmt::format("{} values for {} sets: give one, or one for each set", g.rir.size(), g.counts.size()));
    }
  }
};

}  // namespace

std::vector<TypedGroup> parse_notation(const std::vector<std::string>& words) { return Parser().run(words); }

}  // namespace lbtrain::log
