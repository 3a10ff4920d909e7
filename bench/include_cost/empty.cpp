// Include cost (issue #7, item 7): the compiler's fixed cost.
int main() {
  return 0;
}
