#pragma once
/// "Did you mean ...?" suggestions and small string helpers shared by every error message.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// Edit distance between two strings, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Words (and candidates) longer than this get no suggestion: nobody mistypes them, and
/// comparing them costs time proportional to the product of the lengths.
inline constexpr std::size_t max_suggested_length = 100;

/// The candidate closest to `word`, or "" when none is close enough to be a plausible typo
/// (or `word` is longer than max_suggested_length). Time is linear in the candidates.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

/// "; did you mean \"x\"?" for the nearest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// "WHERE: unknown WHAT \"VALUE\"; did you mean \"x\"? allowed: a, b, c" (the hint only when a
/// candidate is close).
std::string unknown_value_message(std::string_view where, std::string_view what, const std::string& value,
                                  const std::vector<std::string>& suggest_from,
                                  const std::vector<std::string>& allowed);

/// Replaces every "{key}" in `text` with its value; unknown placeholders stay as they are.
std::string fill_placeholders(std::string text, const std::map<std::string, std::string>& values);

/// A message with every quoted value ("...") and every unbroken run of characters longer than
/// `longest` bytes cut there, with "... (N bytes more)": a 10 MB field cannot flood a terminal,
/// and the words of a message are never cut. Cuts fall on UTF-8 character boundaries.
std::string cut_long_values(std::string_view message, std::size_t longest = 240);

/// `text` with the ASCII letters A-Z in lower case (every other byte as it is, UTF-8 untouched).
std::string ascii_lower(std::string_view text);

/// Joins the items with a separator.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace lbtrain
