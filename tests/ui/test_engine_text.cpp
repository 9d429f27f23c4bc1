// The engine's texts in the interface language: the Fashion-MNIST names are all marked for
// translation, Chinese shows Chinese names, every bundled garment sample is named by its class,
// and the channel-widths note says in English exactly what the engine's note says.

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTranslator>

#include "session/assets.h"
#include "shufflescope/model/channel_widths.h"
#include "shufflescope/model/labels.h"
#include "text/engine_text.h"

using namespace shufflescope;
using namespace shufflescope::ui;

TEST_CASE(
    "engine text: class labels, the names marked for translation are the engine's, in label order",
    "[window]") {
    QStringList engine;
    for (const char* name : fashionMnistClassNames()) engine << QString::fromLatin1(name);
    CHECK(translatableFashionClassNames() == engine);
}

TEST_CASE("engine text: class labels, English by default, the engine's names and indices",
          "[window]") {
    const ModelConfig fashion = presetConfig("fashion");
    for (int k = 0; k < 10; ++k)
        CHECK(displayClassLabel(fashion, k) == QString::fromStdString(classLabel(fashion, k)));
    CHECK(displayClassLabel(presetConfig("imagenet"), 5) == QStringLiteral("class 5"));
    CHECK(sampleDisplayName(QStringLiteral("fashion-ankle-boot")) == QStringLiteral("Ankle boot"));
    CHECK(sampleDisplayName(QStringLiteral("fashion-tshirt")) == QStringLiteral("T-shirt/top"));
    CHECK(sampleDisplayName(QStringLiteral("raccoon")) == QStringLiteral("raccoon"));
    CHECK(sampleDisplayName(QStringLiteral("fashion-hat")) ==
          QStringLiteral("fashion hat"));  // no such class
}

TEST_CASE("engine text: class labels, every bundled garment sample is named by a distinct class",
          "[window]") {
    const ModelConfig fashion = presetConfig("fashion");
    QStringList classes;
    for (int k = 0; k < 10; ++k) classes << displayClassLabel(fashion, k);
    QSet<QString> named;
    const QFileInfoList samples =
        QDir(samplesDirectory()).entryInfoList({QStringLiteral("fashion-*.png")}, QDir::Files);
    REQUIRE(samples.size() == 10);
    for (const QFileInfo& file : samples) {
        INFO(file.fileName().toStdString());
        const QString name = sampleDisplayName(file.completeBaseName());
        CHECK(classes.contains(name));
        named.insert(name);
    }
    CHECK(named.size() == 10);
}

TEST_CASE("engine text: in Chinese, garments, class numbers and the widths note are Chinese",
          "[window]") {
    QTranslator chinese;
    REQUIRE(chinese.load(QStringLiteral(":/i18n/shufflescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    const ModelConfig fashion = presetConfig("fashion");
    CHECK(displayClassLabel(fashion, 7) == QStringLiteral("运动鞋"));
    CHECK(sampleDisplayName(QStringLiteral("fashion-sneaker")) == QStringLiteral("运动鞋"));
    CHECK(displayClassLabel(presetConfig("imagenet"), 5) == QStringLiteral("类别 5"));
    // Every garment has its own translation (none falls back to English).
    QSet<QString> names;
    for (int k = 0; k < 10; ++k) {
        const QString name = displayClassLabel(fashion, k);
        CHECK(name != QString::fromStdString(classLabel(fashion, k)));
        names.insert(name);
    }
    CHECK(names.size() == 10);
    // The widths note too, numbers and all (g = 5: the rule's widths and the 25-channel stem).
    const ChannelWidths g5 = channelWidths(5, 1.0);
    const QString note = widthsNote(g5);
    CHECK(note != QString::fromStdString(g5.note));
    CHECK(note.contains(QStringLiteral("的")));
    for (const int number : {g5.stages[0], g5.stages[1], g5.stages[2], g5.stem})
        CHECK(note.contains(QString::number(number)));
    // The one-line description, e.g. in the window title.
    const QString described = describeConfig(fashion);
    CHECK(described.contains(QStringLiteral("通道混洗：开")));
    CHECK(described.contains(QStringLiteral("10 个类别")));
    QCoreApplication::removeTranslator(&chinese);

    CHECK(displayClassLabel(fashion, 7) == QStringLiteral("Sneaker"));
}

TEST_CASE("engine text: the widths note in English is the engine's note, for every g and width",
          "[window]") {
    for (int g = 1; g <= 8; ++g)
        for (const double scale : {0.25, 0.5, 1.0, 1.5, 2.0}) {
            INFO("g = " << g << ", scale " << scale);
            const ChannelWidths widths = channelWidths(g, scale);
            CHECK(widthsNote(widths) == QString::fromStdString(widths.note));
        }
}

TEST_CASE(
    "engine text: a configuration's description in English is the engine's, for every variant",
    "[window]") {
    for (const char* preset : {"imagenet", "fashion"})
        for (int g = 1; g <= 8; ++g)
            for (const bool shuffle : {true, false})
                for (const StemKind stem : {StemKind::Paper, StemKind::SmallInput}) {
                    ModelConfig c = presetConfig(preset);
                    c.groups = g;
                    c.shuffle = shuffle;
                    c.stem = stem;
                    c.groupFirstPointwise = g == 3;
                    INFO(describe(c));
                    CHECK(describeConfig(c) == QString::fromStdString(describe(c)));
                }
}
