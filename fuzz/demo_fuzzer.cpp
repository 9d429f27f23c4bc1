// Saved demo files (File -> Open demo, --scenario): Qt's JSON, then every field's type and range,
// then the demo written back out and read again (what Save demo would write must read back).
#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <variant>

#include "session/demo_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace shufflescope::ui;
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString path = QStringLiteral("/tmp/fuzz-demo/demo.json");
    const auto parsed = parseDemo(text, path);
    if (const Demo* demo = std::get_if<Demo>(&parsed)) {
        const auto again = parseDemo(serialiseDemo(*demo, path), path);
        // A demo that parsed must survive its own round trip unchanged.
        if (!std::holds_alternative<Demo>(again) || std::get<Demo>(again) != *demo) std::abort();
    } else {
        // Every refusal has words for the teacher.
        if (std::get<DemoError>(parsed).message().isEmpty()) std::abort();
    }
    return 0;
}
