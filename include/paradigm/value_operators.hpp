#pragma once

// Equality and printing of the SDK's value types (the model, the requests, the
// listing filters, download and progress reports), so that tests read well:
//
//     EXPECT_EQ(client.get_turn("t1", "u1"), expected_turn);
//     EXPECT_CALL(connection, create_thread_with_turn(expected_request, _, _));
//
// and a failure shows the values as JSON (GoogleTest and gMock use
// `operator<<`), not as bytes. Declared with <iosfwd> only: a program that
// prints needs <ostream>, as for any type.

#include <paradigm/export.hpp>

#include <iosfwd>
#include <type_traits>

namespace paradigm {

namespace detail {
/// True for the types PARADIGM_VALUE_OPERATORS declared.
template <class T>
struct HasValueOperators : std::false_type {};
}  // namespace detail

// One template each, rather than an overload per type: a comparison of
// anything else inside namespace paradigm (a string, an id) then does not try
// every value type's operator (that cost every file including the SDK a few
// percent of its compile time).

/// `a == b`: every field compared, `extra` included.
template <class T, std::enable_if_t<detail::HasValueOperators<T>::value, int> = 0>
bool operator==(const T& a, const T& b) {
  return paradigm_equal(a, b);
}
template <class T, std::enable_if_t<detail::HasValueOperators<T>::value, int> = 0>
bool operator!=(const T& a, const T& b) {
  return !paradigm_equal(a, b);
}
/// The value as one line of JSON.
template <class T, std::enable_if_t<detail::HasValueOperators<T>::value, int> = 0>
std::ostream& operator<<(std::ostream& out, const T& value) {
  return paradigm_print(out, value);
}

}  // namespace paradigm

/// Gives `Type` (of namespace paradigm, where this is used) `==`, `!=` and
/// `<<`; the library defines paradigm_equal and paradigm_print for it.
#define PARADIGM_VALUE_OPERATORS(Type)                                                \
  PARADIGM_API bool paradigm_equal(const Type& a, const Type& b);                     \
  PARADIGM_API std::ostream& paradigm_print(std::ostream& out, const Type& value);    \
  namespace detail {                                                                  \
  template <>                                                                         \
  struct HasValueOperators<Type> : std::true_type {};                                 \
  }                                                                                   \
  static_assert(true, "")
