#include "text/engine_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "shufflescope/model/labels.h"

namespace shufflescope::ui {

namespace {

// lupdate reads these literals; at run time the engine's own names are looked up, so the list
// only has to contain them (a test checks it equals fashionMnistClassNames()).
const char* const kFashionNames[] = {
    QT_TRANSLATE_NOOP("ClassLabel", "T-shirt/top"), QT_TRANSLATE_NOOP("ClassLabel", "Trouser"),
    QT_TRANSLATE_NOOP("ClassLabel", "Pullover"),    QT_TRANSLATE_NOOP("ClassLabel", "Dress"),
    QT_TRANSLATE_NOOP("ClassLabel", "Coat"),        QT_TRANSLATE_NOOP("ClassLabel", "Sandal"),
    QT_TRANSLATE_NOOP("ClassLabel", "Shirt"),       QT_TRANSLATE_NOOP("ClassLabel", "Sneaker"),
    QT_TRANSLATE_NOOP("ClassLabel", "Bag"),         QT_TRANSLATE_NOOP("ClassLabel", "Ankle boot"),
};

// "T-shirt/top" -> "tshirttop": letters and digits only, lower case.
QString squeezed(const QString& text) {
    QString out;
    for (const QChar c : text)
        if (c.isLetterOrNumber()) out += c.toLower();
    return out;
}

}  // namespace

QString displayClassLabel(const ModelConfig& config, int index) {
    // The engine decides which name a class has; this only translates it.
    if (!hasClassName(config, index))
        return QCoreApplication::translate("ClassLabel", "class %1").arg(index);
    return QCoreApplication::translate("ClassLabel", classLabel(config, index).c_str());
}

QString sampleDisplayName(const QString& fileBaseName) {
    static const QString prefix = QStringLiteral("fashion-");
    if (fileBaseName.startsWith(prefix)) {
        // "fashion-ankle-boot" names Ankle boot, "fashion-tshirt" T-shirt/top (the part before
        // '/').
        const QString name = squeezed(fileBaseName.mid(prefix.size()));
        for (const char* english : fashionMnistClassNames()) {
            const QString label = QString::fromLatin1(english);
            if (name == squeezed(label) || name == squeezed(label.section(QLatin1Char('/'), 0, 0)))
                return QCoreApplication::translate("ClassLabel", english);
        }
    }
    return QString(fileBaseName).replace(QLatin1Char('-'), QLatin1Char(' '));
}

QString describeConfig(const ModelConfig& c) {
    QStringList parts;
    parts << QString::fromStdString(c.preset) << QStringLiteral("g=%1").arg(c.groups)
          << QString::fromStdString(widthScaleName(c.widthScale))
          << (c.shuffle ? QCoreApplication::translate("ConfigDescription", "shuffle on")
                        : QCoreApplication::translate("ConfigDescription", "shuffle off"))
          << QStringLiteral("%1x%2x%3").arg(c.inChannels).arg(c.inputHeight).arg(c.inputWidth)
          << QCoreApplication::translate("ConfigDescription", "%1 classes").arg(c.classes)
          << (c.stem == StemKind::Paper
                  ? QCoreApplication::translate("ConfigDescription", "paper stem")
                  : QCoreApplication::translate("ConfigDescription", "small-input stem"));
    if (c.groupFirstPointwise)
        parts << QCoreApplication::translate("ConfigDescription",
                                             "grouped first 1x1 (seed's Keras variant)");
    return parts.join(QCoreApplication::translate("ConfigDescription", ", "));
}

QString widthsNote(const ChannelWidths& widths, int groups, double widthScale) {
    const auto mflops = [](long long macs) {
        return QString::number(double(macs) / 1e6, 'f', 1) + QLatin1Char('M');
    };
    switch (widths.source) {
        case WidthSource::PaperTable1:
            return QCoreApplication::translate("WidthsNote", "Widths from the paper's Table 1.");
        case WidthSource::OfficialCode:
            return QCoreApplication::translate(
                "WidthsNote",
                "Widths from the official ShuffleNet v1 code (the paper lists only 1x).");
        case WidthSource::Rule:
            break;
    }
    QString note = QCoreApplication::translate("WidthsNote",
                                               "No published widths for g=%1 at %2x; the project's "
                                               "rule picked Stage 2-4 widths (%3, %4, %5), "
                                               "multiples of 4g near the paper's 1:2:4 ratio, "
                                               "closest to its %6 budget (%7 on the paper's "
                                               "geometry).")
                       .arg(groups)
                       .arg(widthScale)
                       .arg(widths.stages[0])
                       .arg(widths.stages[1])
                       .arg(widths.stages[2])
                       .arg(mflops(paperBudgetMacs(widthScale)), mflops(widths.paperGeometryMacs));
    if (widths.stem != paperStemChannels(widthScale)) {
        note += QCoreApplication::translate("WidthsNote",
                                            " The stem has %1 channels, not 24 × %2 = %3: each "
                                            "stride-2 unit's main branch (out - in) and "
                                            "bottleneck (out/4) must split into %4 groups, which "
                                            "needs g to divide the stem width, and %4 "
                                            "does not divide %3.")
                    .arg(widths.stem)
                    .arg(widthScale)
                    .arg(paperStemChannels(widthScale))
                    .arg(groups);
        if (!paperStemSplitsInto(groups))
            note += QCoreApplication::translate(
                "WidthsNote",
                " The paper evaluates only g = 1, 2, 3, 4 and 8 without saying why; 24 also "
                "splits into 6 groups, so the stem alone does not explain the choice.");
    }
    return note;
}

QStringList translatableFashionClassNames() {
    QStringList names;
    for (const char* name : kFashionNames) names << QString::fromLatin1(name);
    return names;
}

}  // namespace shufflescope::ui
