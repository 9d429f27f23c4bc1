// A checkpoint's metadata as one typed structure (io/checkpoint_metadata.h): what is written reads
// back, what another tool may have written wrongly reads as absent rather than as a wrong number.

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "shufflescope/base/error.h"
#include "shufflescope/io/checkpoint.h"
#include "shufflescope/io/checkpoint_metadata.h"
#include "shufflescope/model/config.h"
#include "shufflescope/model/initialization.h"
#include "shufflescope/model/network.h"
#include "support/temp_dir.h"

using namespace shufflescope;

TEST_CASE("checkpoint metadata: every field written reads back exactly", "[checkpoint]") {
    const CheckpointMetadata written{.trained = true,
                                     .epochs = 12,
                                     .seed = 18446744073709551615ULL,
                                     .testAccuracy = 0.9137,
                                     .testAccuracyF32 = 1.0 / 3.0,
                                     .testImages = 10000,
                                     .training = R"({"epochs_done": 12})"};
    const std::map<std::string, std::string> entries = written.entries();
    CHECK(entries.at("trained") == "true");
    CHECK(entries.at("epochs") == "12");
    const CheckpointMetadata read = parseCheckpointMetadata(entries);
    CHECK(read.trained);
    CHECK(read.epochs == 12);
    CHECK(read.seed == 18446744073709551615ULL);
    CHECK(read.testAccuracy == 0.9137);
    CHECK(read.testAccuracyF32 == 1.0 / 3.0);
    CHECK(read.testImages == 10000);
    CHECK(read.training == std::string(R"({"epochs_done": 12})"));

    // Nothing recorded: nothing made up.
    const CheckpointMetadata empty = parseCheckpointMetadata({});
    CHECK_FALSE(empty.trained);
    CHECK_FALSE(empty.epochs);
    CHECK_FALSE(empty.seed);
    CHECK_FALSE(empty.testAccuracy);
    CHECK_FALSE(empty.testImages);
    CHECK_FALSE(empty.training);
    CHECK(CheckpointMetadata{}.entries() ==
          std::map<std::string, std::string>{{"trained", "false"}});
}

TEST_CASE("checkpoint metadata: malformed or out-of-range values read as absent", "[checkpoint]") {
    const CheckpointMetadata m = parseCheckpointMetadata({{"trained", "yes"},
                                                          {"epochs", "2.5"},
                                                          {"seed", "-3"},
                                                          {"test_accuracy", "91%"},
                                                          {"test_accuracy_f32", "1.5"},
                                                          {"test_images", "0"}});
    CHECK_FALSE(m.trained);  // only "true" is true
    CHECK_FALSE(m.epochs);
    CHECK_FALSE(m.seed);
    CHECK_FALSE(m.testAccuracy);
    CHECK_FALSE(m.testAccuracyF32);
    CHECK_FALSE(m.testImages);
    CHECK_FALSE(parseCheckpointMetadata({{"test_accuracy", "nan"}}).testAccuracy);
    CHECK_FALSE(parseCheckpointMetadata({{"seed", "12abc"}}).seed);
    CHECK(parseCheckpointMetadata({{"test_accuracy", " 0.5 "}}).testAccuracy == 0.5);
}

TEST_CASE("checkpoint metadata: read from a saved file, header only, and through readCheckpoint",
          "[checkpoint]") {
    testing_support::TempDir dir("shufflescope-metadata-test");
    const Network network = Network::build(presetConfig("fashion"));
    const std::string path = dir.file("model.safetensors");
    const CheckpointMetadata about{.trained = true, .epochs = 3, .testAccuracy = 0.5};
    saveCheckpoint(path, network, randomParameters(network, 1), about.entries());
    const CheckpointMetadata header = readCheckpointMetadata(path);
    CHECK(header.trained);
    CHECK(header.epochs == 3);
    CHECK(header.testAccuracy == 0.5);
    const Checkpoint checkpoint = readCheckpoint(path);
    CHECK(checkpoint.info.epochs == 3);
    CHECK(checkpoint.metadata.at(kFormatMetadataKey) == kCheckpointFormat);
    REQUIRE_THROWS_WITH(readCheckpointMetadata(dir.file("missing.safetensors")),
                        Catch::Contains("missing.safetensors"));
}
