#include "cli/cli.hpp"

int main(int argc, char** argv) { return lbtrain::cli::run(argc, argv); }
