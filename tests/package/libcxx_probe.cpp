#include <string>
int main() { return std::string("x").size() == 1 ? 0 : 1; }
