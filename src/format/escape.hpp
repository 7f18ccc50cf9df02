#pragma once
/// Making catalogue text safe for each output format. A custom catalogue can hold anything:
/// markup, formulas, control characters, invalid UTF-8. Nothing it holds may break out of its
/// cell, line or element.

#include <string>
#include <string_view>

namespace lbtrain {

/// Valid UTF-8: each invalid byte sequence becomes U+FFFD.
std::string valid_utf8(std::string_view text);

/// One line of plain text: valid UTF-8, with every control character (newline, tab, escape,
/// C1 controls) turned into a space, so text cannot move the cursor or start a terminal escape.
std::string single_line(std::string_view text);

/// HTML text or attribute value: &, <, >, " and ' as character references, on one line.
std::string html_escape(std::string_view text);

/// A GitHub-flavoured Markdown table cell: one line, with the characters that mean something
/// in Markdown (| \ ` * _ [ ] < > ~ &) escaped by a backslash.
std::string markdown_cell(std::string_view text);

/// An RFC 4180 field. A cell that would start with =, +, -, @, tab or carriage return gets a
/// leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula;
/// then the field is quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; other controls dropped.
std::string ics_text(std::string_view text);

/// An RFC 5545 content line folded to at most 75 octets per line (never inside a UTF-8
/// character), with CRLF line ends.
std::string ics_line(std::string_view line);

}  // namespace lbtrain
