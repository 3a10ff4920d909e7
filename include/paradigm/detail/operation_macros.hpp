#pragma once

// The machinery of the operations table (<paradigm/operation_list.inc>): how
// one row becomes a request type, a client method, a connection virtual
// function or a mock, and the few types those need. Nothing here is for
// users; read the table instead.

#include <string>
#include <string_view>
#include <type_traits>

namespace paradigm {

template <class T>
struct Page;

namespace detail {

/// How an operation takes a parameter it holds as T: strings as views,
/// numbers and enums by value, anything else by const reference.
template <class T>
using Param = std::conditional_t<std::is_same_v<T, std::string>, std::string_view,
                                 std::conditional_t<std::is_scalar_v<T>, T, const T&>>;

/// How a paged listing asks for its next page: after the last id, or the next page number.
enum class Paging { by_cursor, by_number };

/// The item type of a page: T for Page<T>.
template <class P>
struct PageOf;
template <class T>
struct PageOf<Page<T>> {
  using type = T;
};
template <class P>
using PageItem = typename PageOf<P>::type;

/// The trailing parameter of an overload that leaves the CallOptions out. It
/// cannot be made from `{}`, so `f(a, {})` still means the CallOptions.
struct Omitted {
  explicit Omitted() = default;
};

}  // namespace detail

}  // namespace paradigm

//
// A row's parameters are a parenthesized list of `PARADIGM_IN(type, name)`
// (required) followed by `PARADIGM_OPTIONAL(type, name)` (defaulted; at most
// one per row) or `PARADIGM_NO_OPTIONAL`. Those three names are tokens, never
// defined as macros: a "shape" turns each element into code by pasting its
// own name onto the element's first token, e.g. PARADIGM_FIELD, _ and
// PARADIGM_IN(std::string, thread_id) -> PARADIGM_FIELD_PARADIGM_IN(...).
// Every list ends with the call's CallOptions (PARADIGM_CALL), so a shape can
// end a parameter list without a trailing comma.

#define PARADIGM_PP_EXPAND(...) __VA_ARGS__
#define PARADIGM_PP_CAT(a, ...) PARADIGM_PP_CAT_I(a, __VA_ARGS__)
#define PARADIGM_PP_CAT_I(a, ...) a##__VA_ARGS__

// The number of arguments, 1 to 8.
#define PARADIGM_PP_COUNT(...) PARADIGM_PP_COUNT_I(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define PARADIGM_PP_COUNT_I(_1, _2, _3, _4, _5, _6, _7, _8, n, ...) n

// SHAPE applied to each argument.
#define PARADIGM_PP_EACH(SHAPE, ...) \
  PARADIGM_PP_CAT(PARADIGM_PP_EACH_, PARADIGM_PP_COUNT(__VA_ARGS__))(SHAPE, __VA_ARGS__)
// Element `a` in shape S: S_a (S_ alone for an empty element). S is never a
// macro itself, so that it is pasted rather than expanded.
#define PARADIGM_PP_APPLY(S, a) PARADIGM_PP_CAT(S, PARADIGM_PP_CAT(_, a))
#define PARADIGM_PP_EACH_1(S, a) PARADIGM_PP_APPLY(S, a)
#define PARADIGM_PP_EACH_2(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_1(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_3(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_2(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_4(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_3(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_5(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_4(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_6(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_5(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_7(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_6(S, __VA_ARGS__)
#define PARADIGM_PP_EACH_8(S, a, ...) PARADIGM_PP_APPLY(S, a) PARADIGM_PP_EACH_7(S, __VA_ARGS__)

// A row's parameters in one shape: its list, its optional one, then the call.
#define PARADIGM_PARAMS(SHAPE, params, optional) \
  PARADIGM_PP_EACH(SHAPE, PARADIGM_PP_EXPAND params, optional, PARADIGM_CALL)

// Each shape below says what a required parameter, the optional one, its
// absence, the call and an empty list (a row with no required parameter) become.

// Members of the request type.
#define PARADIGM_FIELD_PARADIGM_IN(T, n) T n{};
#define PARADIGM_FIELD_PARADIGM_OPTIONAL(T, n) T n{};
#define PARADIGM_FIELD_PARADIGM_NO_OPTIONAL
#define PARADIGM_FIELD_PARADIGM_CALL
#define PARADIGM_FIELD_

// Parameters with the optional one and the call defaulted (blocking methods).
#define PARADIGM_DECL_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_DECL_PARADIGM_OPTIONAL(T, n) ::paradigm::detail::Param<T> n = {},
#define PARADIGM_DECL_PARADIGM_NO_OPTIONAL
#define PARADIGM_DECL_PARADIGM_CALL const ::paradigm::CallOptions& call = {}
#define PARADIGM_DECL_

// Every parameter, nothing defaulted (definitions, virtual functions).
#define PARADIGM_PARAM_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_PARAM_PARADIGM_OPTIONAL(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_PARAM_PARADIGM_NO_OPTIONAL
#define PARADIGM_PARAM_PARADIGM_CALL const ::paradigm::CallOptions& call
#define PARADIGM_PARAM_

// Asynchronous overloads instead of default arguments (GCC 12 destroys a
// defaulted argument's temporary twice inside a co_await expression).
// "Without the call": every parameter, the call left out.
#define PARADIGM_NOCALL_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_NOCALL_PARADIGM_OPTIONAL(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_NOCALL_PARADIGM_NO_OPTIONAL
#define PARADIGM_NOCALL_PARADIGM_CALL ::paradigm::detail::Omitted = ::paradigm::detail::Omitted()
#define PARADIGM_NOCALL_
// The same in an out-of-line definition (no default argument repeated).
#define PARADIGM_NOCALL_DEFINE_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_NOCALL_DEFINE_PARADIGM_OPTIONAL(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_NOCALL_DEFINE_PARADIGM_NO_OPTIONAL
#define PARADIGM_NOCALL_DEFINE_PARADIGM_CALL ::paradigm::detail::Omitted
#define PARADIGM_NOCALL_DEFINE_
#define PARADIGM_REQUIRED_DEFINE_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_REQUIRED_DEFINE_PARADIGM_OPTIONAL(T, n)
#define PARADIGM_REQUIRED_DEFINE_PARADIGM_NO_OPTIONAL
#define PARADIGM_REQUIRED_DEFINE_PARADIGM_CALL ::paradigm::detail::Omitted
#define PARADIGM_REQUIRED_DEFINE_
// "Required only": the optional parameter left out too.
#define PARADIGM_REQUIRED_PARADIGM_IN(T, n) ::paradigm::detail::Param<T> n,
#define PARADIGM_REQUIRED_PARADIGM_OPTIONAL(T, n)
#define PARADIGM_REQUIRED_PARADIGM_NO_OPTIONAL
#define PARADIGM_REQUIRED_PARADIGM_CALL ::paradigm::detail::Omitted = ::paradigm::detail::Omitted()
#define PARADIGM_REQUIRED_

// The arguments of a call with the same parameter names.
#define PARADIGM_ARG_PARADIGM_IN(T, n) n,
#define PARADIGM_ARG_PARADIGM_OPTIONAL(T, n) n,
#define PARADIGM_ARG_PARADIGM_NO_OPTIONAL
#define PARADIGM_ARG_PARADIGM_CALL call
#define PARADIGM_ARG_
// The same, with what was left out filled with defaults.
#define PARADIGM_FILLED_PARADIGM_IN(T, n) n,
#define PARADIGM_FILLED_PARADIGM_OPTIONAL(T, n) T(),
#define PARADIGM_FILLED_PARADIGM_NO_OPTIONAL
#define PARADIGM_FILLED_PARADIGM_CALL ::paradigm::CallOptions()
#define PARADIGM_FILLED_
#define PARADIGM_ARG_NOCALL_PARADIGM_IN(T, n) n,
#define PARADIGM_ARG_NOCALL_PARADIGM_OPTIONAL(T, n) n,
#define PARADIGM_ARG_NOCALL_PARADIGM_NO_OPTIONAL
#define PARADIGM_ARG_NOCALL_PARADIGM_CALL ::paradigm::CallOptions()
#define PARADIGM_ARG_NOCALL_

// The members of a request object `forwarded`, then `forwarded_call`, as arguments.
#define PARADIGM_MEMBER_PARADIGM_IN(T, n) forwarded.n,
#define PARADIGM_MEMBER_PARADIGM_OPTIONAL(T, n) forwarded.n,
#define PARADIGM_MEMBER_PARADIGM_NO_OPTIONAL
#define PARADIGM_MEMBER_PARADIGM_CALL forwarded_call
#define PARADIGM_MEMBER_

// Statements filling a request object `op` from the parameters.
#define PARADIGM_STORE_PARADIGM_IN(T, n) op.n = n;
#define PARADIGM_STORE_PARADIGM_OPTIONAL(T, n) op.n = n;
#define PARADIGM_STORE_PARADIGM_NO_OPTIONAL
#define PARADIGM_STORE_PARADIGM_CALL
#define PARADIGM_STORE_

// The overload that takes only the required parameters, for rows that have an
// optional one (pasted onto the row's optional element).
#define PARADIGM_IF_OPTIONAL_PARADIGM_OPTIONAL(T, n) PARADIGM_PP_EXPAND
#define PARADIGM_IF_OPTIONAL_PARADIGM_NO_OPTIONAL PARADIGM_PP_DROP
#define PARADIGM_PP_DROP(...)
#define PARADIGM_IF_OPTIONAL(optional, ...) PARADIGM_PP_CAT(PARADIGM_IF_OPTIONAL_, optional)(__VA_ARGS__)

// The name of a row's optional parameter.
#define PARADIGM_OPTIONAL_NAME(optional) PARADIGM_PP_CAT(PARADIGM_OPTIONAL_NAME_, optional)
#define PARADIGM_OPTIONAL_NAME_PARADIGM_OPTIONAL(T, n) n

// A row's kind: PARADIGM_PLAIN, PARADIGM_STREAMS (the answer is delivered as
// it arrives), or PARADIGM_PAGED(range, paging): a listing that ThreadsClient
// also walks page after page with a `range` method, its optional parameter
// paging `by_cursor` (starting_after) or `by_number` (page).
#define PARADIGM_STREAMS_OF(kind) PARADIGM_PP_CAT(PARADIGM_STREAMS_OF_, kind)
#define PARADIGM_STREAMS_OF_PARADIGM_PLAIN false
#define PARADIGM_STREAMS_OF_PARADIGM_STREAMS true
#define PARADIGM_STREAMS_OF_PARADIGM_PAGED(range, paging) false
// Code for paged rows only, and their range's name and paging.
#define PARADIGM_IF_PAGED(kind, ...) PARADIGM_PP_CAT(PARADIGM_IF_PAGED_, kind)(__VA_ARGS__)
#define PARADIGM_IF_PAGED_PARADIGM_PLAIN PARADIGM_PP_DROP
#define PARADIGM_IF_PAGED_PARADIGM_STREAMS PARADIGM_PP_DROP
#define PARADIGM_IF_PAGED_PARADIGM_PAGED(range, paging) PARADIGM_PP_EXPAND
#define PARADIGM_PAGED_RANGE(kind) PARADIGM_PP_CAT(PARADIGM_PAGED_RANGE_, kind)
#define PARADIGM_PAGED_RANGE_PARADIGM_PLAIN
#define PARADIGM_PAGED_RANGE_PARADIGM_STREAMS
#define PARADIGM_PAGED_RANGE_PARADIGM_PAGED(range, paging) range
#define PARADIGM_PAGED_PAGING(kind) PARADIGM_PP_CAT(PARADIGM_PAGED_PAGING_, kind)
#define PARADIGM_PAGED_PAGING_PARADIGM_PLAIN
#define PARADIGM_PAGED_PAGING_PARADIGM_STREAMS
#define PARADIGM_PAGED_PAGING_PARADIGM_PAGED(range, paging) ::paradigm::detail::Paging::paging
