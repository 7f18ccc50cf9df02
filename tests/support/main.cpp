// The Catch2 main of every test program. Before any test runs, it refuses test names that CTest
// cannot pass through to one test case: a ';' splits the name into entries that each match
// nothing, and a name starting with '-' reaches Catch2 as one of its own options (-o writes
// the results to a file, and the entry runs every test).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <iostream>

int main(int argc, char* argv[]) {
  int bad = 0;
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const std::string& name = test.name;
    if (name.find(';') != std::string::npos || (!name.empty() && name.front() == '-')) {
      std::cerr << "test name CTest cannot run as one entry (a ';', or a leading '-'): \"" << name << "\"\n";
      ++bad;
    }
  }
  if (bad > 0) return 1;
  return Catch::Session().run(argc, argv);
}
