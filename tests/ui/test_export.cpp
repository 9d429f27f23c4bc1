// Export for slides (ui/export/): a view to PNG at the asked scale and to SVG with its text as
// text, the step's animation to a GIF that decodes back frame by frame (giflib), the per-step
// table byte for byte the CLI's, and a file that cannot be written named in the message.

#include <catch2/catch.hpp>

#include <gif_lib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <functional>

#include "export/animation_export.h"
#include "export/table_export.h"
#include "export/view_export.h"
#include "shown_main_window.h"
#include "stress_user.h"
#include "views/operation/operation_view.h"
#include "views/timeline_view.h"

using namespace shufflescope;
using namespace shufflescope::ui;
using ui_testing::ShownMainWindow;

namespace {

// The shuffle step of Stage 3's first unit at g = 8, the window idle.
void showShuffle(ShownMainWindow& w) {
    w.idle();
    REQUIRE_FALSE(w.window.applyScene({.groups = 8}).has_value());
    w.idle();
    REQUIRE_FALSE(w.window.applyScene({.step = "stages.1.1.shuffle"}).has_value());
    ui_testing::settle(200);
}

// Every piece of text in an SVG document; parse errors fail the test.
QString svgText(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString text;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::Characters) text += xml.text();
    INFO(xml.errorString().toStdString());
    REQUIRE_FALSE(xml.hasError());
    return text;
}

}  // namespace

TEST_CASE("a view exported to PNG decodes at the asked scale", "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    QTemporaryDir dir;
    QString error;
    QWidget* view = exportView(w.window, QStringLiteral("operation"), &error);
    REQUIRE(view);
    for (const double scale : {1.0, 2.0}) {
        CAPTURE(scale);
        const QString path = dir.filePath(QStringLiteral("view-%1.png").arg(scale));
        REQUIRE(exportViewPng(view, path, scale, &error));
        const QImage image(path);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.size() == view->size() * scale);
        CHECK(ui_testing::distinctColours(image) > 10);
    }
    // The OpenGL canvas too: its pixels, enlarged.
    QWidget* canvas = exportView(w.window, QStringLiteral("features"), &error);
    REQUIRE(canvas);
    const QString path = dir.filePath(QStringLiteral("features.png"));
    REQUIRE(exportViewPng(canvas, path, 2.0, &error));
    CHECK(QImage(path).size() == canvas->size() * 2);
}

TEST_CASE("a view exported to SVG parses and holds its text as text", "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    QTemporaryDir dir;
    QString error;
    for (const QString& name : {QStringLiteral("operation"), QStringLiteral("cost")}) {
        CAPTURE(name.toStdString());
        QWidget* view = exportView(w.window, name, &error);
        REQUIRE(view);
        const QString path = dir.filePath(name + QStringLiteral(".svg"));
        REQUIRE(exportViewSvg(view, path, QStringLiteral("test"), &error));
        CHECK(QSvgRenderer(path).isValid());
        CHECK(svgText(path).contains(QStringLiteral("stages.1.1.shuffle")));
    }
}

TEST_CASE("the step's animation exported to GIF decodes with its frames, size and motion",
          "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shuffle.gif"));
    const GifSettings settings{QSize(480, 270), 5};
    QString error;
    int frames = 0;
    REQUIRE(exportAnimationGif(*w.window.operationView(), path, settings, &error, &frames));
    CHECK(frames == animationFrameCount(w.window.operationView()->animationDurationMs(), 5));
    CHECK(frames > 10);

    int code = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &code);
    REQUIRE(gif);
    REQUIRE(DGifSlurp(gif) == GIF_OK);
    CHECK(gif->ImageCount == frames);
    CHECK(gif->SWidth == 480);
    CHECK(gif->SHeight == 270);
    // The first frame is whole; later ones store what changed, inside the screen.
    REQUIRE(gif->SavedImages[0].ImageDesc.Width == 480);
    REQUIRE(gif->SavedImages[0].ImageDesc.Height == 270);
    for (int k = 1; k < gif->ImageCount; ++k) {
        const GifImageDesc& d = gif->SavedImages[k].ImageDesc;
        CHECK(d.Left + d.Width <= 480);
        CHECK(d.Top + d.Height <= 270);
    }
    const SavedImage& first = gif->SavedImages[0];
    // It loops: the NETSCAPE2.0 block is in front of the first frame.
    bool loops = false;
    for (int k = 0; k < first.ExtensionBlockCount; ++k)
        loops |= first.ExtensionBlocks[k].ByteCount == 11 &&
                 QByteArray(reinterpret_cast<const char*>(first.ExtensionBlocks[k].Bytes), 11) ==
                     "NETSCAPE2.0";
    CHECK(loops);
    DGifCloseFile(gif, &code);
    // Composed as a viewer shows them (Qt's GIF reader), the first and last frames (start and
    // end of the shuffle) differ in many pixels.
    QImageReader reader(path);
    REQUIRE(reader.imageCount() == frames);
    const QImage start = reader.read();
    QImage end;
    for (int k = 1; k < frames; ++k) end = reader.read();
    REQUIRE(start.size() == QSize(480, 270));
    REQUIRE(end.size() == QSize(480, 270));
    CHECK(ui_testing::differingFraction(start, end) > 0.05);
    // The view drawn whole at the end of its animation, at the GIF's size: the composed last
    // frame is that picture, but for the 256-colour palettes' rounding.
    const OperationView& shown = *w.window.operationView();
    OperationView reference;
    reference.setAttribute(Qt::WA_DontShowOnScreen);
    reference.setPalette(shown.palette());
    reference.setFont(shown.font());
    reference.setAnimationEnabled(false);
    reference.setFontScale(shown.fontScale());
    reference.setSnapshot(shown.snapshot(), shown.step());
    reference.resize(480, 270);
    QImage final(480, 270, QImage::Format_RGB32);
    reference.render(&final);
    const QImage composed = end.convertToFormat(QImage::Format_RGB32);
    int far = 0;
    for (int y = 0; y < 270; ++y)
        for (int x = 0; x < 480; ++x) {
            const QRgb a = final.pixel(x, y), b = composed.pixel(x, y);
            far += std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                             std::abs(qBlue(a) - qBlue(b))}) > 48;
        }
    CAPTURE(far);
    CHECK(far < 480 * 270 / 100);
    // Shared like any other file written here (giflib's own open would make it owner-only).
    QFile other(dir.filePath(QStringLiteral("other")));
    REQUIRE(other.open(QIODevice::WriteOnly));
    other.close();
    CHECK(QFileInfo(path).permissions() == QFileInfo(other.fileName()).permissions());
}

TEST_CASE("the per-step table from the app equals the CLI's summary --csv and --markdown",
          "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    const SnapshotPtr s = w.session().snapshot();
    const ModelConfig& c = s->config();
    for (const bool markdown : {false, true}) {
        CAPTURE(markdown);
        QProcess cli;
        QStringList arguments = {QStringLiteral("summary"),
                                 markdown ? QStringLiteral("--markdown") : QStringLiteral("--csv"),
                                 QStringLiteral("--preset"),
                                 QString::fromStdString(c.preset),
                                 QStringLiteral("--groups"),
                                 QString::number(c.groups),
                                 QStringLiteral("--scale"),
                                 QString::number(c.widthScale)};
        if (!c.shuffle) arguments << QStringLiteral("--no-shuffle");
        cli.start(QStringLiteral(SHUFFLESCOPE_CLI), arguments);
        REQUIRE(cli.waitForFinished(60000));
        REQUIRE(cli.exitCode() == 0);
        const QByteArray expected = cli.readAllStandardOutput();
        CHECK(QByteArray::fromStdString(stepTableText(*s, nullptr, markdown)) == expected);
        QTemporaryDir dir;
        const QString path =
            dir.filePath(markdown ? QStringLiteral("t.md") : QStringLiteral("t.csv"));
        QString error;
        REQUIRE(exportStepTable(*s, nullptr, path, &error));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == expected);
    }
}

TEST_CASE("an export to a file that cannot be written says which file", "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    const QString dir = QStringLiteral("/no-such-directory/slides/");
    QString error;
    QWidget* view = exportView(w.window, QStringLiteral("operation"), &error);
    REQUIRE(view);
    CHECK_FALSE(exportViewPng(view, dir + QStringLiteral("a.png"), 1.0, &error));
    CHECK(error.contains(dir + QStringLiteral("a.png")));
    CHECK_FALSE(exportViewSvg(view, dir + QStringLiteral("a.svg"), QString(), &error));
    CHECK(error.contains(dir + QStringLiteral("a.svg")));
    CHECK_FALSE(exportAnimationGif(*w.window.operationView(), dir + QStringLiteral("a.gif"),
                                   {QSize(320, 200), 5}, &error));
    CHECK(error.contains(dir + QStringLiteral("a.gif")));
    CHECK_FALSE(
        exportStepTable(*w.session().snapshot(), nullptr, dir + QStringLiteral("a.csv"), &error));
    CHECK(error.contains(dir + QStringLiteral("a.csv")));
    // A view that is not on screen is a message too, never an empty picture.
    CHECK_FALSE(exportView(w.window, QStringLiteral("train"), &error));
    CHECK(error.contains(QStringLiteral("train")));
}

TEST_CASE("exports and demos are written all or nothing, through links, never over a FIFO",
          "[export]") {
    ShownMainWindow w;
    showShuffle(w);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QString error;
    QWidget* view = exportView(w.window, QStringLiteral("operation"), &error);
    REQUIRE(view);
    const auto exportAs = [&](const QString& name) {
        const QString path = dir.filePath(name);
        if (name.endsWith(QLatin1String(".png"))) return exportViewPng(view, path, 1.0, &error);
        if (name.endsWith(QLatin1String(".svg"))) return exportViewSvg(view, path, {}, &error);
        if (name.endsWith(QLatin1String(".gif")))
            return exportAnimationGif(*w.window.operationView(), path, {QSize(160, 100), 5},
                                      &error);
        if (name.endsWith(QLatin1String(".json"))) {
            const auto problem = w.window.saveDemo(path);
            error = problem.value_or(QString());
            return !problem;
        }
        return exportStepTable(*w.session().snapshot(), nullptr, path, &error);
    };
    const QStringList names = {QStringLiteral("a.png"), QStringLiteral("a.svg"),
                               QStringLiteral("a.gif"), QStringLiteral("a.csv"),
                               QStringLiteral("a.json")};
    // Writing into a FIFO blocked until a reader came (QFile) or replaced it (QSaveFile); the
    // alarm ends a blocked run as a failure.
    alarm(600);
    for (const QString& name : names) {
        INFO(name.toStdString());
        const QString fifo = dir.filePath(QStringLiteral("pipe-") + name);
        REQUIRE(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        CHECK_FALSE(exportAs(QStringLiteral("pipe-") + name));
        CHECK(error.contains(fifo));
        CHECK(error.contains(QStringLiteral("is a named pipe (FIFO), not a regular file")));
        CHECK(QFileInfo(fifo).isFile() == false);

        // Through a symbolic link: the file it names is replaced, the link stays a link.
        const QString target = dir.filePath(QStringLiteral("target-") + name);
        const QString link = dir.filePath(QStringLiteral("link-") + name);
        {
            QFile old(target);
            REQUIRE(old.open(QIODevice::WriteOnly));
            old.write("previous");
        }
        REQUIRE(QFile::link(target, link));
        CHECK(exportAs(QStringLiteral("link-") + name));
        CHECK(QFileInfo(link).isSymLink());
        CHECK(QFileInfo(target).size() > 8);
    }
    alarm(0);

    // A write that fails half-way (the file-size limit, as a full disk) keeps the previous file
    // and leaves no temporary beside it; QFile had already emptied it.
    for (const QString& name : names) {
        INFO(name.toStdString());
        const QString path = dir.filePath(QStringLiteral("limited-") + name);
        {
            QFile old(path);
            REQUIRE(old.open(QIODevice::WriteOnly));
            old.write("previous");
        }
        rlimit saved{};
        REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        const auto handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved;
        limit.rlim_cur = 16;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
        const bool written = exportAs(QStringLiteral("limited-") + name);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, handler);
        CHECK_FALSE(written);
        CHECK(error.contains(path));
        CHECK(error.contains(QStringLiteral("too large")));
        QFile old(path);
        REQUIRE(old.open(QIODevice::ReadOnly));
        CHECK(old.readAll() == "previous");
    }
    const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::Hidden);
    for (const QString& name : left) CHECK_FALSE(name.contains(QStringLiteral(".tmp-")));
}

TEST_CASE("Ctrl+E at the focused widget opens the export dialog with every view, M measures",
          "[export]") {
    ShownMainWindow w;
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window, ui_testing::kExposeTimeoutMs));
    w.idle();
    QWidget* focused = QApplication::focusWidget();
    REQUIRE(focused);
    // The dialog is modal: look at it from inside its event loop, then close it.
    int views = 0;
    bool seen = false;
    QTimer::singleShot(300, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        seen = true;
        const QList<QComboBox*> boxes = dialog->findChildren<QComboBox*>();
        if (!boxes.isEmpty()) views = boxes.first()->count();
        dialog->grab().save(
            QDir::temp().filePath(QStringLiteral("shufflescope-export-dialog.png")));
        dialog->reject();
    });
    QTest::keyClick(focused, Qt::Key_E, Qt::ControlModifier);
    CHECK(seen);
    CHECK(views == exportableViews().size());

    // Xvfb has no window manager to hand the focus back after the dialog: the test does.
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window, ui_testing::kExposeTimeoutMs));
    REQUIRE(ui_testing::waitFor([] { return QApplication::focusWidget() != nullptr; }, 10000));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_M);
    CHECK(w.session().measuringTime());
    REQUIRE(w.session().waitForTiming(120000));
    CHECK(w.session().timing());
}

// The form's choices reach the file: its fields were read after the form had been deleted with
// its dialog (found by the GUI stress test, a crash on OK about one export in ten).
TEST_CASE("File > Export view writes the view and the format chosen in its form, GIF its size",
          "[export]") {
    ShownMainWindow w;
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window, ui_testing::kExposeTimeoutMs));
    showShuffle(w);
    if (!ui_testing::StressUser::fileDialogsAreWidgets()) {
        WARN("the desktop's own file dialog is in use: a test cannot answer it");
        return;
    }
    QTemporaryDir dir;
    struct Export {
        QKeyCombination key;
        QString file;
        std::function<void(QDialog&)> choose;  // in the form, before OK
    };
    const Export exports[] = {
        {Qt::CTRL | Qt::Key_E, dir.filePath(QStringLiteral("tree.png")),
         [](QDialog& form) {
             const QList<QComboBox*> boxes = form.findChildren<QComboBox*>();  // view, format
             REQUIRE(boxes.size() == 2);
             boxes[0]->setCurrentIndex(boxes[0]->findData(QStringLiteral("timeline")));
             boxes[1]->setCurrentIndex(boxes[1]->findData(2.0));
         }},
        {Qt::CTRL | Qt::SHIFT | Qt::Key_E, dir.filePath(QStringLiteral("step.gif")),
         [](QDialog& form) {
             const QList<QComboBox*> boxes = form.findChildren<QComboBox*>();  // size
             REQUIRE(boxes.size() == 1);
             boxes[0]->setCurrentIndex(boxes[0]->findData(QSize(640, 360)));
         }},
    };
    for (const Export& e : exports) {
        CAPTURE(e.file.toStdString());
        int forms = 0, files = 0;
        QTimer answer;
        QObject::connect(&answer, &QTimer::timeout, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible()) return;
            if (auto* fileDialog = qobject_cast<QFileDialog*>(modal)) {
                ui_testing::typeFileName(*fileDialog, e.file);
                static_cast<QDialog*>(fileDialog)->accept();
                ++files;
            } else if (auto* form = qobject_cast<QDialog*>(modal)) {
                e.choose(*form);
                form->accept();
                ++forms;
            }
        });
        answer.start(20);
        REQUIRE(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), e.key.key(), e.key.keyboardModifiers());
        answer.stop();
        CHECK(forms == 1);
        CHECK(files == 1);
        CHECK(w.window.lastError().isEmpty());
        w.window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&w.window, ui_testing::kExposeTimeoutMs));
    }
    CHECK(QImage(exports[0].file).size() == w.window.timeline()->size() * 2);
    CHECK(QImageReader(exports[1].file).size() == QSize(640, 360));
}

// Found by the GUI stress test: a lesson put the cost panel in front, presenter mode then hid it,
// and Ctrl+E's form still offered it: OK said "The view 'cost' is not on screen".
TEST_CASE("the export form offers a view that is on screen when the one asked for was hidden",
          "[export]") {
    ShownMainWindow w;
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window, ui_testing::kExposeTimeoutMs));
    w.idle();
    w.window.setPresenterUsesFullScreen(false);
    const auto press = [](Qt::Key key) {
        REQUIRE(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), key);
        ui_testing::settle(100);
    };
    const auto offered = [&] {
        const QString view = shownExportView(w.window);
        QString error;
        INFO(error.toStdString());
        CHECK(exportView(w.window, view, &error));
        return view;
    };
    REQUIRE(w.window.showView(QStringLiteral("cost")));
    CHECK(offered() == QStringLiteral("cost"));
    press(Qt::Key_F5);  // presenting: no cost panel
    REQUIRE(w.window.presenterMode());
    CHECK(offered() == QStringLiteral("operation"));
    press(Qt::Key_F);  // the channel flow
    CHECK(offered() == QStringLiteral("flow"));
    press(Qt::Key_F5);  // the teacher's layout back, the operation view in the centre
    REQUIRE_FALSE(w.window.presenterMode());
    REQUIRE(w.window.showView(QStringLiteral("cost")));
    press(Qt::Key_H);  // the side panels hidden
    CHECK(offered() == QStringLiteral("operation"));
}
