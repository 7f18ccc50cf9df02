// libFuzzer target: the importers of `lbtrain log import` (Strong, Hevy, FitNotes, lbtrain), on
// any bytes, with the format told from the header and forced by --from. Every set they read
// must be within lbtrain's limits, or the file refused with an lbtrain::Error; anything else
// (a crash, a sanitizer report, another exception) is a bug.
#include "log/import/export_reader.hpp"
#include "log/logged_set.hpp"

#include "lbtrain/model/calendar.hpp"
#include "lbtrain/model/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void check(const lbtrain::LoggedSet& s) {
  using namespace lbtrain::log;
  if (!lbtrain::parse_iso_date(s.date) || s.exercise.empty() || s.exercise_id.empty() || s.set_number < 1) __builtin_trap();
  if (!count_problem(s.kind, s.count).empty()) __builtin_trap();
  if (s.load && !load_problem(*s.load, s.unit).empty()) __builtin_trap();
  if (s.rir && !rir_problem(*s.rir).empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* from : {"auto", "strong", "hevy", "fitnotes", "lbtrain"}) {
    lbtrain::ImportOptions options;
    options.file = "fuzz.csv";
    options.from = from;
    options.unit = lbtrain::LoadUnit::kg;
    try {
      lbtrain::log::ExportReader reader(options, "fuzz.csv", text);
      reader.read([](lbtrain::LoggedSet& s) { check(s); });
    } catch (const lbtrain::Error&) {
    }
  }
  return 0;
}
