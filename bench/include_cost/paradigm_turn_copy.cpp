// Include cost: a file that copies, moves and destroys Turns, so it compiles
// (or, with out-of-line special members, only calls) the member functions of
// the whole tree: messages, parts, tool calls, steps, sources.
#include <paradigm/paradigm.hpp>

#include <utility>
#include <vector>

int main(int argc, char**) {
  paradigm::Turn turn;
  turn.id = "t";
  std::vector<paradigm::Turn> turns(static_cast<std::size_t>(argc), turn);
  paradigm::Turn moved = std::move(turns.front());
  turns.push_back(moved);
  turns.front() = turn;
  return static_cast<int>(turns.size());
}
