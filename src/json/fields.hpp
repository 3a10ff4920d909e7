#pragma once

// The vocabulary of a field description: each model struct names its members
// once, with their wire names, and both the reader (reader.hpp) and the
// writer (writer.hpp) are generated from that one list.
//
//     template <class Field, class Self>
//     bool fields(Field&& field, Self& turn, Of<Turn>) {
//       return field("id", turn.id) || field("thread", turn.thread) || ...;
//     }
//
// `Self` is the struct or the const struct. The reader's `field` returns true
// when it took the member it is looking at, which ends the chain early; the
// writer's returns false, so it visits every field. `extra` is not listed:
// every struct has one, and the reader and the writer handle it themselves.
// A member the wire treats specially is wrapped: tolerant(...), artifact_id(...).

namespace paradigm::detail {

/// Selects the field description of T (an empty tag; T need not be complete).
template <class T>
struct Of {};

/// A field the wire treats specially: `Kind` tells the reader and the writer how.
template <class Kind, class T>
struct Marked {
  T& target;
};

/// A list whose element shapes the API does not publish: in each element, a
/// known field of an unexpected type stays in `extra` instead of failing.
struct TolerantList {};
/// An artifact id: a string or a number on the wire, text in the model.
struct StringOrNumber {};

template <class List>
using Tolerant = Marked<TolerantList, List>;
template <class Text>
using ArtifactId = Marked<StringOrNumber, Text>;

template <class List>
Tolerant<List> tolerant(List& target) noexcept {
  return {target};
}
template <class Text>
ArtifactId<Text> artifact_id(Text& target) noexcept {
  return {target};
}

}  // namespace paradigm::detail
