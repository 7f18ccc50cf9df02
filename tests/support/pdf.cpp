#include "support/pdf.hpp"

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <vector>

namespace lbtrain::test {

std::string print_to_pdf(const std::string& html) {
  std::string pdf = html + ".pdf";
  auto r = run_program("chromium", {"--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                    "--user-data-dir=" + html + ".profile", "--print-to-pdf=" + pdf,
                                    "file://" + html});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return pdf;
}

int pdf_pages(const std::string& pdf) {
  auto r = run_program("pdfinfo", {pdf});
  REQUIRE(r.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

std::string pdf_page_text(const std::string& pdf, int page) {
  std::vector<std::string> args{pdf, "-"};
  if (page > 0) args.insert(args.begin(), {"-f", std::to_string(page), "-l", std::to_string(page)});
  auto r = run_program("pdftotext", args);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace lbtrain::test
