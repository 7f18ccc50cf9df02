#include "lbtrain/model/error.hpp"

namespace lbtrain {

void usage_error(const std::string& message) { throw Error(ExitCode::usage, message); }
void data_error(const std::string& message) { throw Error(ExitCode::data, message); }
void output_error(const std::string& message) { throw Error(ExitCode::output, message); }

}  // namespace lbtrain
