// Paths in messages: displayPath keeps ordinary names as they are and makes every name that could
// break a message's line or drive a terminal visible as escapes; FileError builds the message.

#include <catch2/catch.hpp>

#include <string>

#include "shufflescope/base/error.h"

using namespace shufflescope;

TEST_CASE("displayPath leaves printable names alone, Chinese and spaces included", "[error]") {
    CHECK(displayPath("models/fashion g3.safetensors") == "models/fashion g3.safetensors");
    CHECK(displayPath("/tmp/模型/分组卷积.npy") == "/tmp/模型/分组卷积.npy");
    CHECK(displayPath("C:\\odd\\name") == "C:\\odd\\name");
    CHECK(displayPath("") == "''");
}

TEST_CASE("displayPath shows control characters, terminal escapes and stray bytes as escapes",
          "[error]") {
    CHECK(displayPath("a\nb.png") == "a\\nb.png");
    CHECK(displayPath("a\tb\rc") == "a\\tb\\rc");
    CHECK(displayPath("\x1b[2J\x1b]0;owned\x07.npy") == "\\x1b[2J\\x1b]0;owned\\x07.npy");
    CHECK(displayPath(std::string("nul\0byte", 8)) == "nul\\x00byte");
    CHECK(displayPath("del\x7f") == "del\\x7f");
    // Not UTF-8: a lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
    CHECK(displayPath("\x9b"
                      "31m") == "\\x9b31m");
    CHECK(displayPath("cut\xe6\xa8") == "cut\\xe6\\xa8");
    CHECK(displayPath("\xc0\xaf") == "\\xc0\\xaf");
    CHECK(displayPath("\xed\xa0\x80") == "\\xed\\xa0\\x80");
    // Valid UTF-8 that a terminal or a reader would still be fooled by: the C1 CSI, a
    // right-to-left override that makes "gpj.exe" read as "exe.jpg".
    CHECK(displayPath("\xc2\x9b"
                      "31m") == "\\u009b31m");
    CHECK(displayPath("photo\xe2\x80\xaegpj.exe") == "photo\\u202egpj.exe");
}

TEST_CASE("displayPath is idempotent, so a path already shown is not escaped twice", "[error]") {
    for (const std::string& path : {std::string("a\nb"), std::string("\x1b[31m\xff"),
                                    std::string(""), std::string("plain.png")}) {
        CHECK(displayPath(displayPath(path)) == displayPath(path));
    }
}

TEST_CASE("FileError names the path as displayPath shows it and keeps the parts", "[error]") {
    const FileError error("dump/\x1b[31mred.npy", "cannot write: the disk is full");
    CHECK(std::string(error.what()) == "dump/\\x1b[31mred.npy: cannot write: the disk is full");
    CHECK(error.path() == "dump/\x1b[31mred.npy");
    CHECK(error.problem() == "cannot write: the disk is full");
    // It is an Error: every caller that catches Error catches it.
    const Error& base = error;
    CHECK(std::string(base.what()).find("disk is full") != std::string::npos);
}
