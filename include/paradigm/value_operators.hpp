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

/// Declares `==` and `!=` (every field compared, `extra` included) and `<<`
/// (the value as one line of JSON) of `Type`; the library defines them.
#define PARADIGM_VALUE_OPERATORS(Type)                        \
  PARADIGM_API bool operator==(const Type& a, const Type& b); \
  inline bool operator!=(const Type& a, const Type& b) {      \
    return !(a == b);                                         \
  }                                                           \
  PARADIGM_API std::ostream& operator<<(std::ostream& out, const Type& value)
