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
    return engineText(describeSentences(c));
}

QString engineText(const std::vector<Sentence>& sentences) {
    QString text;
    for (const Sentence& sentence : sentences) {
        QString words = QCoreApplication::translate(sentence.context, sentence.english);
        for (const std::string& argument : sentence.arguments)
            words = words.arg(QString::fromStdString(argument));
        text += words;
    }
    return text;
}

QString widthsNote(const ChannelWidths& widths) {
    return engineText(widths.noteSentences);
}

QStringList translatableFashionClassNames() {
    QStringList names;
    for (const char* name : kFashionNames) names << QString::fromLatin1(name);
    return names;
}

}  // namespace shufflescope::ui
