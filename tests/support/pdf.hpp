#pragma once
/// HTML printed to PDF by headless Chromium and read back with poppler (pdfinfo, pdftotext): the
/// read-back tests' view of a printed page.

#include <string>

namespace lbtrain::test {

/// Prints an HTML file to PDF with headless Chromium; returns the PDF's path (`html`.pdf).
std::string print_to_pdf(const std::string& html);

/// How many pages the PDF has.
int pdf_pages(const std::string& pdf);

/// The text of one page of a PDF, or of every page when `page` is 0.
std::string pdf_page_text(const std::string& pdf, int page = 0);

}  // namespace lbtrain::test
