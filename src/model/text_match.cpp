#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace lbtrain {

namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  // A suggestion is only useful when it is plausibly a typo: allow about a third of the
  // word to differ, and always at least two edits for short words. Nobody mistypes a
  // 4,000-character word, and comparing one against 50,000 candidates would take seconds:
  // past max_suggested_length there is no suggestion, and a candidate whose length alone puts
  // it out of reach is never compared.
  if (word.size() > max_suggested_length) return {};
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    bool prefix = !word.empty() && candidate.size() > word.size() &&
                  std::equal(word.begin(), word.end(), candidate.begin(),
                             [](char x, char y) { return lower(x) == lower(y); });
    std::size_t d = limit + 1;
    if (prefix) {
      d = 1;
    } else if (candidate.size() <= max_suggested_length &&
               std::max(candidate.size(), word.size()) - std::min(candidate.size(), word.size()) <= limit) {
      d = edit_distance(word, candidate);
    }
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = nearest(word, candidates);
  return best.empty() ? std::string() : "; did you mean \"" + best + "\"?";
}

std::string fill_placeholders(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    std::string placeholder = "{" + key + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size())) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string unknown_value_message(std::string_view where, std::string_view what, const std::string& value,
                                  const std::vector<std::string>& suggest_from,
                                  const std::vector<std::string>& allowed) {
  std::string hint = did_you_mean(value, suggest_from);
  std::string message(where);
  message += ": unknown ";
  message += what;
  message += " \"" + value + "\"" + hint + (hint.empty() ? "; " : " ") + "allowed: " + join(allowed, ", ");
  return message;
}

namespace {

/// `text` cut to at most `longest` bytes, on a character boundary, saying how much was cut.
std::string cut(std::string_view text, std::size_t longest) {
  if (text.size() <= longest) return std::string(text);
  std::size_t end = longest;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return fmt::format("{}... ({} bytes more)", text.substr(0, end), text.size() - end);
}

}  // namespace

std::string cut_long_values(std::string_view message, std::size_t longest) {
  std::string out;
  std::size_t pos = 0;
  while (pos < message.size()) {
    char c = message[pos];
    if (c == '"') {
      // A quoted value: up to the closing quote (or the end of the line).
      std::size_t end = message.find_first_of("\"\n", pos + 1);
      if (end == std::string_view::npos) end = message.size();
      out += '"' + cut(message.substr(pos + 1, end - pos - 1), longest);
      if (end < message.size() && message[end] == '"') {
        out += '"';
        ++end;
      }
      pos = end;
    } else if (c == ' ' || c == '\n') {
      out += c;
      ++pos;
    } else {
      std::size_t end = message.find_first_of(" \n\"", pos);
      if (end == std::string_view::npos) end = message.size();
      std::string_view token = message.substr(pos, end - pos);
      // Closing punctuation ("'/very/long/path':") stays after the cut.
      std::size_t keep = 0;
      while (keep < 3 && keep < token.size() && std::string_view("':,;.)").find(token[token.size() - 1 - keep]) != std::string_view::npos) ++keep;
      if (token.size() > longest) {
        out += cut(token.substr(0, token.size() - keep), longest);
        out += token.substr(token.size() - keep);
      } else {
        out += token;
      }
      pos = end;
    }
  }
  return out;
}

}  // namespace lbtrain
