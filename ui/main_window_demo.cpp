// The window's side of saved demos (session/demo_file.h): the state read into a Demo and written
// out, and a demo file opened — every part of it checked before any is applied.

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>

#include "export/file_output.h"
#include "main_window.h"
#include "presenter/presenter_mode.h"
#include "session/assets.h"
#include "session/demo_file.h"
#include "shufflescope/base/error.h"
#include "shufflescope/base/input_file.h"
#include "shufflescope/io/image_input.h"
#include "text/engine_text.h"
#include "tutor/lesson_panel.h"
#include "tutor/lesson_runner.h"

namespace shufflescope::ui {

Demo MainWindow::demo() const {
    Demo d;
    d.scene = scene();
    const QFileInfo image(session_->inputPath());
    d.imagePath = image.absoluteFilePath();
    if (QFileInfo(image.absolutePath()).canonicalFilePath() ==
        QFileInfo(samplesDirectory()).canonicalFilePath())
        d.sample = image.fileName();
    d.theme = theme_;
    // The teacher's own text size: presenter mode's is derived from the screen.
    d.fontScale = presenterMode() ? presenterRestore_->fontScale : fontScale_;
    d.presenter = presenterMode();
    if (lessonRunner_->running()) {
        d.lesson = lessonPanel_->runningLessonReference();
        d.lessonStep = lessonRunner_->stepIndex() + 1;
    }
    return d;
}

std::optional<QString> MainWindow::saveDemo(const QString& path) const {
    // All or nothing, like every file the app writes (export/file_output.h): QSaveFile, used
    // before, renamed its temporary over a named pipe or a device at the path.
    return writeOrMessage(path, serialiseDemo(demo(), path));
}

std::optional<QString> MainWindow::openDemo(const QString& path) {
    // Only a regular file: QFile would wait forever on a named pipe for a writer. Checked and
    // read through one descriptor, so nothing can be put in the file's place in between.
    InputFile input;
    try {
        input = openInputFile(QFile::encodeName(path).toStdString(), "a demo file");
    } catch (const FileError& e) {
        return tr("%1: cannot be read: %2").arg(path, QString::fromStdString(e.problem()));
    }
    QFile file;
    if (!file.open(input.file.get(), QIODevice::ReadOnly))
        return tr("%1: cannot be read: %2").arg(path, file.errorString());
    const QByteArray text = file.readAll();
    file.close();  // the descriptor is input's, closed with it
    const auto parsed = parseDemo(text, path);
    if (const auto* error = std::get_if<DemoError>(&parsed)) return error->message();
    const Demo& d = std::get<Demo>(parsed);
    const auto problem = [&](const QString& key, const QString& what) {
        return DemoError{path, demoFieldLine(text, key), 0, key + QStringLiteral(": ") + what}
            .message();
    };

    // Everything checked before anything changes: the scene against the network it builds...
    const auto resolved = resolveScene(d.scene, sceneState());
    if (const auto* error = std::get_if<SceneError>(&resolved))
        return problem(demoKeyForSceneField(QString::fromStdString(error->field)),
                       engineText({error->reason}));
    // ...and the image, decoded for the configuration it will be shown in.
    if (d.imagePath) {
        try {
            (void)loadInput(d.imagePath->toStdString(), std::get<SceneState>(resolved).config);
        } catch (const Error& e) {
            return problem(d.sample ? QStringLiteral("sample") : QStringLiteral("image"),
                           QString::fromStdString(e.what()));
        }
    }

    // ...and the lesson, read and walked, with the step it names.
    if (d.lesson) {
        if (const auto error = lessonPanel_->check(*d.lesson))
            return problem(QStringLiteral("lesson"), *error);
        if (const auto error = lessonPanel_->check(*d.lesson, d.lessonStep.value_or(1) - 1))
            return problem(QStringLiteral("lessonStep"), *error);
    }

    if (d.presenter == false) setPresenterMode(false);
    // The lesson first: its step sets its own state, which the demo's scene then restores
    // exactly as it was saved.
    if (d.lesson) (void)openLesson(*d.lesson, d.lessonStep.value_or(1) - 1);
    if (d.imagePath && *d.imagePath != QFileInfo(session_->inputPath()).absoluteFilePath())
        session_->openInput(*d.imagePath);
    (void)applyScene(d.scene);  // checked above
    if (d.theme) applyTheme(*d.theme);
    if (d.fontScale) {
        if (presenterMode())
            presenterRestore_->fontScale = *d.fontScale;  // for when presenter mode ends
        else
            setFontScale(*d.fontScale);
    }
    if (d.presenter == true) setPresenterMode(true);
    return std::nullopt;
}

void MainWindow::openDemoDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open demo"), QString(),
                                                      tr("ShuffleScope demos (*.json)"));
    if (path.isEmpty()) return;
    if (const auto error = openDemo(path)) showError(*error);
}

void MainWindow::saveDemoDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save demo"), tr("demo.json"),
                                                tr("ShuffleScope demos (*.json)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    if (const auto error = saveDemo(path)) showError(*error);
}

}  // namespace shufflescope::ui
