#pragma once
// The pager: text taller than the terminal through $LBTRAIN_PAGER, $PAGER or `less -FRX`.

#include <string_view>
#include <vector>

namespace lbtrain::cli {

/// argv without its "--no-pager" words (before "--"), ending with a null pointer; `no_pager`
/// is set when there was one.
std::vector<char*> take_no_pager(int argc, char** argv, bool& no_pager);

/// Sends tall text on a terminal through the pager, unless `no_pager` or the pager setting is off.
/// Only for the commands that print one result (plan, next, program, history, ...), never for
/// one that asks questions.
void use_pager(bool no_pager, std::string_view command_name);

}  // namespace lbtrain::cli
