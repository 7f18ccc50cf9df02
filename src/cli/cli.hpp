#pragma once
/// The command-line layer: CLI11 fills plain option structs, the core does the rest.

namespace lbtrain::cli {

/// Runs lbtrain with the given arguments and returns the process exit status. Errors are
/// printed here, as "lbtrain: error: ...", and nowhere else.
int run(int argc, char** argv);

}  // namespace lbtrain::cli
