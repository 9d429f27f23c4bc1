#include "session/demo_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "session/assets.h"

namespace shufflescope::ui {

namespace {

// The messages' translation context.
class DemoText {
    Q_DECLARE_TR_FUNCTIONS(DemoFile)
};

const QString kFormatName = QStringLiteral("shufflescope-demo");

struct Context {
    QDir demoFolder;
    QDir samples;
    const QJsonObject& root;
};

// A field's value read into `demo`, or the problem with it (without the key: the caller adds it).
using Reader = std::function<std::optional<QString>(const QJsonValue&, Demo&, const Context&)>;
// The field's value for `demo`, or nothing when the demo does not set it.
using Writer = std::function<std::optional<QJsonValue>(const Demo&, const Context&)>;

struct FieldRow {
    const char* key;
    Reader read;
    Writer write;
};

QString typeName(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return DemoText::tr("true or false");
        case QJsonValue::Double:
            return DemoText::tr("a number");
        case QJsonValue::String:
            return DemoText::tr("a string");
        case QJsonValue::Array:
            return DemoText::tr("a list");
        case QJsonValue::Object:
            return DemoText::tr("an object");
        case QJsonValue::Undefined:
            break;
    }
    return DemoText::tr("nothing");
}

QString compact(const QJsonValue& v) {
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

std::optional<QString> expected(const QString& what, const QJsonValue& got) {
    return DemoText::tr("expected %1, found %2 (%3)").arg(what, typeName(got), compact(got));
}

// An integer in lo..hi, or the problem.
std::variant<int, QString> integerIn(const QJsonValue& v, int lo, int hi) {
    if (!v.isDouble()) return *expected(DemoText::tr("an integer"), v);
    const double d = v.toDouble();
    if (d != std::floor(d) || d < lo || d > hi)
        return DemoText::tr("%1 is not an integer in %2..%3").arg(compact(v)).arg(lo).arg(hi);
    return int(d);
}

std::variant<QString, QString> oneOf(const QJsonValue& v, const QStringList& accepted) {
    if (!v.isString())
        return std::variant<QString, QString>(std::in_place_index<1>,
                                              *expected(DemoText::tr("a string"), v));
    if (!accepted.contains(v.toString()))
        return std::variant<QString, QString>(
            std::in_place_index<1>, DemoText::tr("'%1' is not one of: %2")
                                        .arg(v.toString(), accepted.join(QStringLiteral(", "))));
    return std::variant<QString, QString>(std::in_place_index<0>, v.toString());
}

QStringList presetList() {
    QStringList names;
    for (const std::string& name : presetNames()) names << QString::fromStdString(name);
    return names;
}

std::variant<double, QString> widthOf(const QJsonValue& v) {
    if (!v.isDouble()) return *expected(DemoText::tr("a number"), v);
    const auto& scales = supportedWidthScales();
    if (std::find(scales.begin(), scales.end(), v.toDouble()) == scales.end())
        return DemoText::tr("%1 is not 0.25, 0.5, 1, 1.5 or 2").arg(compact(v));
    return v.toDouble();
}

// "off", "shuffle" (B is A with the shuffle flipped), g (B is A with g groups) or a whole
// configuration {"g", "shuffle", "width"} of A's preset.
std::optional<QString> readComparison(const QJsonValue& v, Demo& demo, const Context& context) {
    if (v.isString()) {
        if (v.toString() == QLatin1String("off")) {
            demo.scene.compare = Comparison::off();
        } else if (v.toString() == QLatin1String("shuffle")) {
            demo.scene.compare = Comparison::shuffleFlipped();
        } else {
            return DemoText::tr(
                       "'%1' is not \"off\", \"shuffle\", a group count or a "
                       "configuration {\"g\", \"shuffle\", \"width\"}")
                .arg(v.toString());
        }
        return std::nullopt;
    }
    if (v.isDouble()) {
        const auto g = integerIn(v, 1, 8);
        if (const QString* problem = std::get_if<QString>(&g)) return *problem;
        demo.scene.compare = Comparison::withGroups(std::get<int>(g));
        return std::nullopt;
    }
    if (!v.isObject())
        return expected(DemoText::tr("\"off\", \"shuffle\", a group count or an object"), v);
    const QJsonObject b = v.toObject();
    for (const QString& key : b.keys())
        if (key != QLatin1String("g") && key != QLatin1String("shuffle") &&
            key != QLatin1String("width"))
            return DemoText::tr("B: unknown field '%1' (B has \"g\", \"shuffle\", \"width\")")
                .arg(key);
    if (!b.contains(QLatin1String("g")) || !b.contains(QLatin1String("shuffle")) ||
        !b.contains(QLatin1String("width")))
        return DemoText::tr("B needs all of \"g\", \"shuffle\" and \"width\"");
    if (!context.root.value(QLatin1String("preset")).isString())
        return DemoText::tr("a whole configuration B needs the demo's \"preset\"");
    ModelConfig config =
        presetConfig(context.root.value(QLatin1String("preset")).toString().toStdString());
    const auto g = integerIn(b.value(QLatin1String("g")), 1, 8);
    if (const QString* problem = std::get_if<QString>(&g)) return DemoText::tr("B: g: ") + *problem;
    if (!b.value(QLatin1String("shuffle")).isBool())
        return DemoText::tr("B: shuffle: ") +
               *expected(DemoText::tr("true or false"), b.value(QLatin1String("shuffle")));
    const auto width = widthOf(b.value(QLatin1String("width")));
    if (const QString* problem = std::get_if<QString>(&width))
        return DemoText::tr("B: width: ") + *problem;
    config.groups = std::get<int>(g);
    config.shuffle = b.value(QLatin1String("shuffle")).toBool();
    config.widthScale = std::get<double>(width);
    demo.scene.compare = Comparison::configuration(config);
    return std::nullopt;
}

QJsonValue writeComparison(const Comparison& c) {
    switch (c.kind) {
        case Comparison::Kind::Off:
            return QStringLiteral("off");
        case Comparison::Kind::ShuffleFlipped:
            return QStringLiteral("shuffle");
        case Comparison::Kind::Groups:
            return c.groups;
        case Comparison::Kind::Configuration:
            break;
    }
    const ModelConfig b = c.config.value_or(ModelConfig{});
    return QJsonObject{{QStringLiteral("g"), b.groups},
                       {QStringLiteral("shuffle"), b.shuffle},
                       {QStringLiteral("width"), b.widthScale}};
}

QString qtString(const QString& s) {
    return s;
}
QString qtString(const std::string& s) {
    return QString::fromStdString(s);
}

// A field whose value is one of `accepted`, stored by `store`, read back by `load`.
template <typename Store, typename Load>
FieldRow choiceRow(const char* key, QStringList (*accepted)(), Store store, Load load) {
    return {key,
            [accepted, store](const QJsonValue& v, Demo& demo, const Context&) {
                const auto value = oneOf(v, accepted());
                if (value.index() == 1) return std::optional<QString>(std::get<1>(value));
                store(demo, std::get<0>(value));
                return std::optional<QString>();
            },
            [load](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
                if (const auto value = load(demo)) return QJsonValue(qtString(*value));
                return std::nullopt;
            }};
}

QStringList themeNames() {
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

// The fields after "format" and "version", in the order a saved file lists them. A new field is
// one more row (and one more Demo member); raise kDemoFormatVersion with it.
const std::vector<FieldRow>& fieldTable() {
    static const std::vector<FieldRow> rows = {
        {"image",
         [](const QJsonValue& v, Demo& demo, const Context& context) -> std::optional<QString> {
             if (!v.isString() || v.toString().isEmpty())
                 return expected(DemoText::tr("a file name"), v);
             demo.imagePath = QDir::cleanPath(context.demoFolder.absoluteFilePath(v.toString()));
             return std::nullopt;
         },
         [](const Demo& demo, const Context& context) -> std::optional<QJsonValue> {
             if (demo.sample || !demo.imagePath) return std::nullopt;
             const QString relative = context.demoFolder.relativeFilePath(*demo.imagePath);
             // Beside the demo (or below it): relative, so the folder can move as a whole.
             if (!relative.startsWith(QLatin1String("..")) && !QDir::isAbsolutePath(relative))
                 return QJsonValue(relative);
             return QJsonValue(QFileInfo(*demo.imagePath).absoluteFilePath());
         }},
        {"sample",
         [](const QJsonValue& v, Demo& demo, const Context& context) -> std::optional<QString> {
             if (!v.isString() || v.toString().isEmpty())
                 return expected(DemoText::tr("a sample's file name"), v);
             const QString name = v.toString();
             const QString path = context.samples.filePath(name);
             if (name.contains(QLatin1Char('/')) || !QFileInfo(path).isFile()) {
                 QStringList known = context.samples.entryList(
                     {QStringLiteral("*.png"), QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
                 return DemoText::tr("no bundled sample named '%1' (there are: %2)")
                     .arg(name, known.join(QStringLiteral(", ")));
             }
             demo.sample = name;
             demo.imagePath = path;
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.sample) return QJsonValue(*demo.sample);
             return std::nullopt;
         }},
        choiceRow(
            "preset", &presetList,
            [](Demo& d, const QString& p) { d.scene.preset = p.toStdString(); },
            [](const Demo& d) { return d.scene.preset; }),
        {"g",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             const auto g = integerIn(v, 1, 8);
             if (const QString* problem = std::get_if<QString>(&g)) return *problem;
             demo.scene.groups = std::get<int>(g);
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.groups) return QJsonValue(*demo.scene.groups);
             return std::nullopt;
         }},
        {"shuffle",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             if (!v.isBool()) return expected(DemoText::tr("true or false"), v);
             demo.scene.shuffle = v.toBool();
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.shuffle) return QJsonValue(*demo.scene.shuffle);
             return std::nullopt;
         }},
        {"width",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             const auto width = widthOf(v);
             if (const QString* problem = std::get_if<QString>(&width)) return *problem;
             demo.scene.widthScale = std::get<double>(width);
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.widthScale) return QJsonValue(*demo.scene.widthScale);
             return std::nullopt;
         }},
        {"step",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             // Whether the network has it is checked against the network (MainWindow::openDemo).
             if (!v.isString() || v.toString().isEmpty())
                 return expected(DemoText::tr("a step name such as \"stages.1.3.shuffle\""), v);
             demo.scene.step = v.toString().toStdString();
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.step) return QJsonValue(QString::fromStdString(*demo.scene.step));
             return std::nullopt;
         }},
        {"channel",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             // -1: no channel; the step's range is checked against the network.
             const auto channel = integerIn(v, -1, 1 << 20);
             if (const QString* problem = std::get_if<QString>(&channel)) return *problem;
             demo.scene.channel = std::get<int>(channel);
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.channel) return QJsonValue(*demo.scene.channel);
             return std::nullopt;
         }},
        choiceRow(
            "view",
            [] {
                QStringList views;
                for (const std::string& v : sceneViews()) views << QString::fromStdString(v);
                return views;
            },
            [](Demo& d, const QString& view) { d.scene.view = view.toStdString(); },
            [](const Demo& d) { return d.scene.view; }),
        {"compare", readComparison,
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.scene.compare) return writeComparison(*demo.scene.compare);
             return std::nullopt;
         }},
        choiceRow(
            "theme", &themeNames, [](Demo& d, const QString& theme) { d.theme = theme; },
            [](const Demo& d) { return d.theme; }),
        {"textSize",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             if (!v.isDouble()) return expected(DemoText::tr("a number"), v);
             if (v.toDouble() < 0.8 || v.toDouble() > 2.5)
                 return DemoText::tr("%1 is not a text size in 0.8..2.5").arg(compact(v));
             demo.fontScale = v.toDouble();
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.fontScale) return QJsonValue(*demo.fontScale);
             return std::nullopt;
         }},
        {"presenter",
         [](const QJsonValue& v, Demo& demo, const Context&) -> std::optional<QString> {
             if (!v.isBool()) return expected(DemoText::tr("true or false"), v);
             demo.presenter = v.toBool();
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.presenter) return QJsonValue(*demo.presenter);
             return std::nullopt;
         }},
        {"lesson",
         [](const QJsonValue& v, Demo& demo, const Context& context) -> std::optional<QString> {
             if (!v.isString() || v.toString().isEmpty())
                 return expected(DemoText::tr("a bundled lesson's name or a .lesson file"), v);
             // A name is a bundled lesson (opened by name); a file is found beside the demo.
             const QString value = v.toString();
             demo.lesson = value.endsWith(QLatin1String(".lesson"))
                               ? QDir::cleanPath(context.demoFolder.absoluteFilePath(value))
                               : value;
             return std::nullopt;
         },
         [](const Demo& demo, const Context& context) -> std::optional<QJsonValue> {
             if (!demo.lesson) return std::nullopt;
             if (!demo.lesson->endsWith(QLatin1String(".lesson"))) return QJsonValue(*demo.lesson);
             const QString relative = context.demoFolder.relativeFilePath(*demo.lesson);
             if (!relative.startsWith(QLatin1String("..")) && !QDir::isAbsolutePath(relative))
                 return QJsonValue(relative);
             return QJsonValue(QFileInfo(*demo.lesson).absoluteFilePath());
         }},
        {"lessonStep",
         [](const QJsonValue& v, Demo& demo, const Context& context) -> std::optional<QString> {
             if (!context.root.contains(QLatin1String("lesson")))
                 return DemoText::tr("a step of which lesson? \"lesson\" is missing");
             const auto step = integerIn(v, 1, 1000);
             if (const QString* problem = std::get_if<QString>(&step)) return *problem;
             demo.lessonStep = std::get<int>(step);
             return std::nullopt;
         },
         [](const Demo& demo, const Context&) -> std::optional<QJsonValue> {
             if (demo.lesson && demo.lessonStep) return QJsonValue(*demo.lessonStep);
             return std::nullopt;
         }},
    };
    return rows;
}

// The 1-based line and column of byte `offset` in `text`.
std::pair<int, int> lineAndColumn(const QByteArray& text, int offset) {
    offset = std::clamp(offset, 0, int(text.size()));
    const QByteArray before = text.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = offset - int(before.lastIndexOf('\n'));
    return {line, column};
}

}  // namespace

QString DemoError::message() const {
    if (line > 0 && column > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(problem);
    if (line > 0) return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(problem);
    return QStringLiteral("%1: %2").arg(file, problem);
}

QString demoKeyForSceneField(const QString& sceneField) {
    if (sceneField == QLatin1String("groups")) return QStringLiteral("g");
    if (sceneField == QLatin1String("widthScale")) return QStringLiteral("width");
    return sceneField;
}

int demoFieldLine(const QByteArray& text, const QString& key) {
    const QRegularExpression pattern(
        QStringLiteral("\"%1\"\\s*:").arg(QRegularExpression::escape(key)));
    const QString decoded = QString::fromUtf8(text);
    const QRegularExpressionMatch match = pattern.match(decoded);
    if (!match.hasMatch()) return 0;
    return int(decoded.left(match.capturedStart()).count(QLatin1Char('\n'))) + 1;
}

std::variant<Demo, DemoError> parseDemo(const QByteArray& text, const QString& filePath) {
    const auto fail = [&](int line, const QString& problem) {
        return std::variant<Demo, DemoError>(DemoError{filePath, line, 0, problem});
    };
    const auto failAt = [&](const QString& key, const QString& problem) {
        return fail(demoFieldLine(text, key), QStringLiteral("%1: %2").arg(key, problem));
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(text, parseError.offset);
        return DemoError{filePath, line, column,
                         DemoText::tr("not valid JSON: %1").arg(parseError.errorString())};
    }
    if (!document.isObject())
        return fail(1, DemoText::tr("a demo is one JSON object { ... }, not %1")
                           .arg(document.isArray() ? DemoText::tr("a list") : typeName({})));
    const QJsonObject root = document.object();

    // The format and its version first: a newer file is refused whole, whatever else it holds.
    if (root.value(QLatin1String("format")).toString() != kFormatName)
        return fail(
            demoFieldLine(text, QStringLiteral("format")),
            DemoText::tr("not a ShuffleScope demo (it needs \"format\": \"%1\")").arg(kFormatName));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) ||
        version.toDouble() < 1)
        return failAt(QStringLiteral("version"),
                      version.isUndefined()
                          ? DemoText::tr("missing: the format's version, 1 for this ShuffleScope")
                          : *expected(DemoText::tr("a whole number from 1"), version));
    if (version.toDouble() > kDemoFormatVersion)
        return failAt(QStringLiteral("version"),
                      DemoText::tr("this demo was saved in format version %1 by a newer "
                                   "ShuffleScope; this one reads version %2 and older. Open it "
                                   "with a newer ShuffleScope.")
                          .arg(compact(version))
                          .arg(kDemoFormatVersion));

    const std::vector<FieldRow>& rows = fieldTable();
    QStringList known = {QStringLiteral("format"), QStringLiteral("version")};
    for (const FieldRow& row : rows) known << QString::fromLatin1(row.key);
    // Unknown fields in the order they appear in the file, so the first is the first named.
    QStringList unknown;
    for (const QString& key : root.keys())
        if (!known.contains(key)) unknown << key;
    std::sort(unknown.begin(), unknown.end(), [&](const QString& a, const QString& b) {
        return demoFieldLine(text, a) < demoFieldLine(text, b);
    });
    if (!unknown.isEmpty())
        return failAt(unknown.first(), DemoText::tr("unknown field (version %1 has: %2)")
                                           .arg(kDemoFormatVersion)
                                           .arg(known.join(QStringLiteral(", "))));
    if (root.contains(QLatin1String("image")) && root.contains(QLatin1String("sample")))
        return failAt(QStringLiteral("sample"),
                      DemoText::tr("give \"image\" (a file) or \"sample\" (a bundled image), "
                                   "not both"));

    Demo demo;
    const Context context{QFileInfo(filePath).absoluteDir(), QDir(samplesDirectory()), root};
    for (const FieldRow& row : rows) {
        const QString key = QString::fromLatin1(row.key);
        if (!root.contains(key)) continue;
        if (const auto problem = row.read(root.value(key), demo, context))
            return failAt(key, *problem);
    }
    return demo;
}

QByteArray serialiseDemo(const Demo& demo, const QString& filePath) {
    const QJsonObject none;
    const Context context{QFileInfo(filePath).absoluteDir(), QDir(samplesDirectory()), none};
    // Written by hand in the table's order (QJsonObject would sort the keys), one field a line.
    QStringList lines = {QStringLiteral("  \"format\": \"%1\"").arg(kFormatName),
                         QStringLiteral("  \"version\": %1").arg(kDemoFormatVersion)};
    for (const FieldRow& row : fieldTable())
        if (const auto value = row.write(demo, context))
            lines << QStringLiteral("  \"%1\": %2")
                         .arg(QString::fromLatin1(row.key), compact(*value));
    return (QStringLiteral("{\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n}\n"))
        .toUtf8();
}

}  // namespace shufflescope::ui
