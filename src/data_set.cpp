#include "lbtrain/data_set.hpp"

#include "lbtrain/embedded.hpp"
#include "lbtrain/json_input.hpp"

namespace lbtrain {

namespace {
bool is_builtin(const std::string& path) { return path.empty() || path == "builtin"; }
}  // namespace

DataSet make_data_set(std::string_view catalogue_text, std::string_view rules_text,
                      const std::string& catalogue_origin, const std::string& rules_origin) {
  DataSet data;
  data.vocabulary = &builtin_vocabulary();
  data.catalogue = parse_catalogue(catalogue_text, catalogue_origin, *data.vocabulary);
  data.rules = parse_rules(rules_text, rules_origin, *data.vocabulary);
  return data;
}

DataSet load_data_set(const std::string& catalogue_path, const std::string& rules_path) {
  std::string catalogue_text = is_builtin(catalogue_path)
                                   ? std::string(embedded::exercises())
                                   : read_data_file(catalogue_path);
  std::string rules_text =
      is_builtin(rules_path) ? std::string(embedded::goals()) : read_data_file(rules_path);
  return make_data_set(catalogue_text, rules_text,
                       is_builtin(catalogue_path) ? "builtin exercises.json" : catalogue_path,
                       is_builtin(rules_path) ? "builtin goals.json" : rules_path);
}

}  // namespace lbtrain
