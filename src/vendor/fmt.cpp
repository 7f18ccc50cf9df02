// fmt's compiled part, built once for the whole project.
//
// Debian 12 ships fmt as a shared library only (no libfmt.a), and lbtrain links statically, so
// fmt was used header-only: every one of the ~80 files that include <fmt/format.h> then parsed
// and compiled fmt's implementation (format-inl.h), about three quarters of each file's compile
// time. Without FMT_HEADER_ONLY, <fmt/format.h> declares that implementation and this one file
// defines it, as fmt's own src/format.cc does: the implementation and the explicit
// instantiations that fmt 9's headers declare extern.
#include <fmt/format-inl.h>

#if FMT_VERSION < 90000 || FMT_VERSION >= 100000
#error "src/vendor/fmt.cpp instantiates fmt 9's compiled part; CMakeLists.txt uses header-only fmt for other versions"
#endif

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

#ifndef FMT_STATIC_THOUSANDS_SEPARATOR
template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;
#endif

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                                 locale_ref);

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
template FMT_API void buffer<wchar_t>::append(const wchar_t*, const wchar_t*);

}  // namespace detail
FMT_END_NAMESPACE
