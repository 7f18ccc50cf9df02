// Runs a fuzz target's entry point on files, without libFuzzer: the seed corpus, the fixtures
// tests/fuzz/seeds names and every crash the fuzzers found (tests/fuzz/regressions/) replay in
// the normal test suite. Each argument is a file or a folder (its files, not its subfolders); a
// folder's README.md describes the inputs and is not one.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int replayed = 0;
  auto replay = [&](const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++replayed;
  };
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") replay(entry.path());
      }
    } else if (std::filesystem::exists(path)) {
      replay(path);
    } else {
      std::fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);  // a stale path in tests/fuzz/seeds
      return 1;
    }
  }
  std::printf("replayed %d inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
