#include "lbtrain/data.hpp"
#include "lbtrain/read.hpp"

#include "read/json_input.hpp"

namespace lbtrain {

namespace {
bool is_builtin(const std::string& path) { return path == "builtin"; }
}  // namespace

DataSet make_data_set(std::string_view catalogue_text, std::string_view rules_text,
                      const std::string& catalogue_origin, const std::string& rules_origin) {
  DataSet data;
  data.vocabulary = &builtin_vocabulary();
  data.catalogue = parse_catalogue(catalogue_text, catalogue_origin, *data.vocabulary);
  data.rules = parse_rules(rules_text, rules_origin, *data.vocabulary);
  return data;
}

DataSet load_data_set(const std::vector<std::string>& catalogue_paths, const std::vector<std::string>& rules_paths,
                      CatalogueFormat format) {
  DataSet data;
  data.vocabulary = &builtin_vocabulary();
  std::vector<Catalogue> layers;
  for (const auto& path : catalogue_paths) {
    if (is_builtin(path)) layers.push_back(builtin_catalogue());
    else layers.push_back(load_catalogue_file(path, *data.vocabulary, format));
  }
  // No conditional expressions here: mixing the const built-in catalogue with a temporary
  // makes the result const, so a large catalogue would be copied instead of moved.
  if (layers.empty()) data.catalogue = builtin_catalogue();
  else data.catalogue = merge_catalogues(std::move(layers));
  data.rules = builtin_rules();
  for (const auto& path : rules_paths) {
    if (!is_builtin(path)) data.rules = parse_rules(read_data_file(path), path, *data.vocabulary, &data.rules);
  }
  return data;
}

}  // namespace lbtrain
