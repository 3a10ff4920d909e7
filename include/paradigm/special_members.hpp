#pragma once

// Declares the constructors, assignments and destructor of a deeply nested
// model type (a Turn holds messages, parts, tool calls, steps and sources);
// the library defines them. Each call site then calls one function instead of
// compiling the whole tree of member copies and destructors, which cut the
// compile time of a small file that uses a Turn by a third (docs/benchmarks.md).
#define PARADIGM_OUT_OF_LINE_SPECIAL_MEMBERS(Type) \
  Type();                                          \
  Type(const Type&);                               \
  Type(Type&&) noexcept;                           \
  Type& operator=(const Type&);                    \
  Type& operator=(Type&&) noexcept;                \
  ~Type()
