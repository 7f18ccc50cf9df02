#pragma once
/// Making catalogue text safe for each output format. A custom catalogue can hold anything:
/// markup, formulas, control characters, invalid UTF-8. Nothing it holds may break out of its
/// cell, line or element.

#include <cstddef>
#include <string>
#include <string_view>

namespace lbtrain {

/// Valid UTF-8: each invalid byte sequence becomes U+FFFD.
std::string valid_utf8(std::string_view text);
/// Length of the valid UTF-8 sequence starting at byte `i` of `text`, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
/// Whether `text` is valid UTF-8 already (valid_utf8 would return it unchanged).
bool is_valid_utf8(std::string_view text);

/// One line of plain text: valid UTF-8, with every control character (newline, tab, escape,
/// C1 controls) and every mark that reorders text on a terminal (bidi embeddings, overrides and
/// isolates, U+2028-2029) turned into a space, so text cannot move the cursor, start a
/// terminal escape or disguise itself.
std::string single_line(std::string_view text);

/// Text for the terminal that keeps its lines: as single_line, but newlines stay and each
/// unsafe character is shown as an escape ("\x1B", "\u202E") so the reader sees it is there.
/// Every error message, listing and report passes through it.
std::string printable(std::string_view text);

/// HTML text or attribute value: &, <, >, " and ' as character references, on one line.
std::string html_escape(std::string_view text);

/// GitHub-flavoured Markdown inline text (a table cell, a list item, a paragraph): one line,
/// with the characters that mean something in Markdown (| \ ` * _ [ ] < > ~ &) escaped by a
/// backslash, and nothing at its start that would open a block (a heading, a list item, an
/// indented code block).
std::string markdown_cell(std::string_view text);

/// An RFC 4180 cell: quoted (with "" for a quote) when it holds a comma, quote or line break;
/// the text itself is kept byte for byte.
std::string csv_quoted(std::string_view cell);

/// An RFC 4180 field on one line (control characters become spaces, as in single_line). A cell
/// that would start with =, +, - or @ gets a leading apostrophe, so a spreadsheet shows it as
/// text instead of running it as a formula; then the field is quoted when it holds a comma or
/// a quote.
std::string csv_field(std::string_view text);

/// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; other controls and the marks
/// that reorder text become spaces, as in single_line.
std::string ics_text(std::string_view text);

/// An RFC 5545 content line folded to at most 75 octets per line (never inside a UTF-8
/// character), with CRLF line ends.
std::string ics_line(std::string_view line);

}  // namespace lbtrain
