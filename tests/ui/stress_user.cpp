#include "stress_user.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include "canvas/feature_map_canvas.h"
#include "training/train_panel.h"
#include "tutor/lesson_panel.h"
#include "ui_test_support.h"
#include "views/channel_flow_view.h"
#include "views/operation/operation_view.h"
#include "views/timeline_view.h"

namespace ui_testing {

using shufflescope::ui::MainWindow;

StressUser::StressUser(MainWindow& window) : window_(window) {}

void StressUser::processFor(int ms) {
    QElapsedTimer clock;
    clock.start();
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    } while (clock.elapsed() < ms);
}

void StressUser::takeFocus() {
    if (QApplication::activeWindow() != &window_) {
        window_.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window_, kExposeTimeoutMs));
    }
    // Widgets that keep some of the app's keys for themselves (text and number fields, the
    // Lesson panel's Space and Page keys, a focused button's Space).
    const auto keepsKeys = [this](QWidget* w) {
        return qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
               qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractButton*>(w) ||
               window_.lessonPanel()->isAncestorOf(w) || window_.trainPanel()->isAncestorOf(w);
    };
    QWidget* focus = QApplication::focusWidget();
    if (focus && focus->window() == &window_ && focus->isVisible() && !keepsKeys(focus)) return;
    for (QWidget* candidate :
         {static_cast<QWidget*>(window_.timeline()), static_cast<QWidget*>(window_.operationView()),
          static_cast<QWidget*>(window_.channelFlow()), static_cast<QWidget*>(window_.canvas())})
        if (candidate->isVisible()) {
            candidate->setFocus(Qt::MouseFocusReason);
            return;
        }
    window_.setFocus(Qt::MouseFocusReason);
}

void StressUser::press(Qt::Key key, Qt::KeyboardModifiers modifiers) {
    takeFocus();
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus != nullptr);
    QTest::keyClick(focus, key, modifiers);
}

void StressUser::click(QWidget* widget) {
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, widget->rect().center());
}

bool StressUser::drop(const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = window_.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window_, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window_, &dropped);
    return true;
}

QList<QAction*> StressUser::samples() const {
    for (QAction* entry : window_.menuBar()->actions())
        if (entry->menu() && QString(entry->text()).remove(QLatin1Char('&')) == "Samples") {
            QList<QAction*> items;
            for (QAction* a : entry->menu()->actions())
                if (!a->isSeparator()) items << a;
            return items;
        }
    return {};
}

bool StressUser::fileDialogsAreWidgets() {
    static const bool widgets = [] {
        QFileDialog probe;
        probe.open();
        const bool own = probe.findChild<QDialogButtonBox*>() != nullptr;
        probe.reject();
        return own;
    }();
    return widgets;
}

int StressUser::answerDialogs(const std::function<void()>& open, const QString& file,
                              int timeoutMs) {
    int answered = 0;
    QString stuck;  // the dialog still open after the time allowed
    QElapsedTimer clock;
    clock.start();
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible()) return;
        if (clock.elapsed() > timeoutMs) {
            stuck = QStringLiteral("%1 \"%2\"")
                        .arg(QString::fromLatin1(modal->metaObject()->className()),
                             modal->windowTitle());
            modal->close();
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            messages_ << box->text();
            box->button(QMessageBox::Ok)->click();
        } else if (auto* files = qobject_cast<QFileDialog*>(modal)) {
            typeFileName(*files, file);
            static_cast<QDialog*>(files)->accept();  // QFileDialog::accept: the file chosen
            ++answered;
        } else if (auto* dialog = qobject_cast<QDialog*>(modal)) {
            dialog->accept();  // the export form, as it opens: the view shown, PNG at 1x
        }
    });
    answer.start();
    open();
    answer.stop();
    INFO(stuck.toStdString() << " was still open after " << timeoutMs << " ms");
    CHECK(stuck.isEmpty());
    return answered;
}

void typeFileName(QFileDialog& dialog, const QString& file) {
    // Typed into the name field: QFileDialog::selectFile leaves the field alone while it has the
    // focus, and OK then had no file to accept.
    auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    REQUIRE(field);
    field->setText(file);
}

QStringList StressUser::closeMessages() {
    QStringList read;
    for (QMessageBox* box : window_.findChildren<QMessageBox*>()) {
        if (!box->isVisible()) continue;  // closed already, deleted later
        read << box->text();
        box->button(QMessageBox::Ok)->click();
    }
    messages_ << read;
    return read;
}

QPushButton* trainButton(MainWindow& window, const QString& text) {
    for (QPushButton* button : window.trainPanel()->findChildren<QPushButton*>())
        if (button->text() == text) return button;
    FAIL("the Train tab has no button " << text.toStdString());
    return nullptr;
}

}  // namespace ui_testing
