#pragma once
// Help that fits: every command's help printed once, its examples first, wrapped to the
// terminal's width (80 columns in a pipe or a file), and the exit statuses left to the man page.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace lbtrain::cli {

/// A formatter for `width` columns: description, usage, the footer's "Examples:" paragraph, the
/// options and commands, then the rest of the footer, every line wrapped.
std::shared_ptr<CLI::Formatter> help_formatter(std::size_t width);

/// The columns help is wrapped to: the terminal's width (kept between 40 and 160) when standard
/// output is a terminal, else 80.
std::size_t help_width();

/// `text` with every line longer than `width` broken at spaces; a continued line is indented
/// four columns past the line it continues.
std::string wrap_help(const std::string& text, std::size_t width);

}  // namespace lbtrain::cli
