// Include cost (issue #7, item 7): nlohmann/json alone, what a hand-written
// client would include at least.
#include <nlohmann/json.hpp>

int main() {
  return 0;
}
