// safe_file_name: a file name that came from a server (an artifact's id or
// name, a Content-Disposition) reduced to one that names a new file inside
// the directory the user chose, on any platform.

#include <paradigm/artifact.hpp>

#include <gtest/gtest.h>

namespace paradigm {
namespace {

TEST(SafeFileName, AnOrdinaryNameIsKept) {
  EXPECT_EQ(safe_file_name("sine.png"), "sine.png");
  EXPECT_EQ(safe_file_name("rapport trimestriel é.pdf"), "rapport trimestriel é.pdf");
  EXPECT_EQ(safe_file_name("3f1c0a2e-77b1-4c59-9b1b-0d5e8e6a2c11"), "3f1c0a2e-77b1-4c59-9b1b-0d5e8e6a2c11");
}

TEST(SafeFileName, NoDirectoryPartSurvives) {
  EXPECT_EQ(safe_file_name("/abs/path/victim.txt"), "victim.txt");
  EXPECT_EQ(safe_file_name("../x"), "x");
  EXPECT_EQ(safe_file_name("a/../../b"), "b");
  EXPECT_EQ(safe_file_name("..\\..\\windows\\system.ini"), "system.ini");
  EXPECT_EQ(safe_file_name("C:\\Users\\me\\file.txt"), "file.txt");
  EXPECT_EQ(safe_file_name("C:evil.txt"), "C_evil.txt");
}

TEST(SafeFileName, NothingUsableGivesTheFallback) {
  for (const char* name : {"", ".", "..", "...", "/", "a/", "../", "  ", "\x01\x02", ". .", "//.."})
    EXPECT_EQ(safe_file_name(name), "download") << name;
  EXPECT_EQ(safe_file_name("..", "artifact-7"), "artifact-7");
}

TEST(SafeFileName, NoHiddenFileNoControlCharacterNoWindowsTrap) {
  EXPECT_EQ(safe_file_name(".bashrc"), "bashrc");
  EXPECT_EQ(safe_file_name("\x1b[31mred.txt"), "_[31mred.txt");
  EXPECT_EQ(safe_file_name("line\nbreak.txt"), "line_break.txt");
  EXPECT_EQ(safe_file_name("a<b>c:d\"e|f?g*h.txt"), "a_b_c_d_e_f_g_h.txt");
  EXPECT_EQ(safe_file_name("trailing. . "), "trailing");
  EXPECT_EQ(safe_file_name("CON"), "_CON");
  EXPECT_EQ(safe_file_name("nul.txt"), "_nul.txt");
  EXPECT_EQ(safe_file_name("com1.png"), "_com1.png");
  EXPECT_EQ(safe_file_name("console.txt"), "console.txt");
}

TEST(SafeFileName, InvalidUtf8IsReplaced) {
  EXPECT_EQ(safe_file_name("bad\xff\xfename.txt"), "bad__name.txt");
  EXPECT_EQ(safe_file_name("cut\xc3"), "cut_");
}

TEST(SafeFileName, ALongNameIsShortenedKeepingItsExtension) {
  const std::string name = std::string(300, 'a') + ".png";
  const std::string safe = safe_file_name(name);
  EXPECT_LE(safe.size(), 200u);
  EXPECT_EQ(safe.substr(safe.size() - 4), ".png");
  // Never in the middle of a UTF-8 character.
  std::string accented;
  for (int i = 0; i < 150; ++i)
    accented += "é";
  const std::string cut = safe_file_name(accented);
  EXPECT_LE(cut.size(), 200u);
  EXPECT_EQ(cut.size() % 2, 0u);
}

}  // namespace
}  // namespace paradigm
