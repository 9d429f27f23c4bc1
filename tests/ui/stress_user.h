#pragma once
// A user at the main window, for the stress and memory tests (test_gui_stress.cpp): keys go to
// the widget that has the keyboard focus, files are dropped on the window or picked in the File
// menu's dialogs, samples come from the Samples menu, and every message box that opens is read
// and closed with its OK button, as a user would before going on. Nothing calls a handler of the
// window directly.

#include <QDialog>
#include <QString>
#include <QStringList>
#include <functional>

#include "main_window.h"

class QFileDialog;
class QPushButton;

namespace ui_testing {

class StressUser {
  public:
    explicit StressUser(shufflescope::ui::MainWindow& window);

    // The window active and the focus on a widget that leaves the app's keys to the app (the
    // step tree, else the centre's view): after a message box, a dialog, a click on the Lesson
    // panel or the Train tab's fields, as a user clicks back into the window.
    void takeFocus();
    // A key press and release at the focused widget (takeFocus() first).
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // A left click in the middle of `widget`.
    void click(QWidget* widget);
    // Drags `path` onto the window and drops it there; false when the window refused the drag.
    bool drop(const QString& path);
    // The Samples menu's entries, as the menu lists them; trigger(i) as a click in the menu.
    QList<QAction*> samples() const;

    // Runs `open` (a key that opens modal dialogs) and answers the dialogs it opens: a form is
    // accepted as it is, a file dialog is given `file`. Returns how many file dialogs were
    // answered. Fails the test when a dialog is still open after `timeoutMs`.
    int answerDialogs(const std::function<void()>& open, const QString& file,
                      int timeoutMs = 60000);
    // Whether QFileDialog opens as Qt's own dialog (not the desktop's, which a test cannot
    // answer); measured once.
    static bool fileDialogsAreWidgets();

    // Closes every message box that is open (OK) and returns their texts, oldest first.
    QStringList closeMessages();
    // Every text closeMessages() has read so far.
    const QStringList& messages() const { return messages_; }

    // Processes events for `ms` milliseconds (at least one pass).
    static void processFor(int ms);

  private:
    shufflescope::ui::MainWindow& window_;
    QStringList messages_;
};

// Types `file` (a full path) into a file dialog's name field, as a user does before OK.
void typeFileName(QFileDialog& dialog, const QString& file);

// The Train tab's button with this text ("Train", "Stop", "Clear").
QPushButton* trainButton(shufflescope::ui::MainWindow& window, const QString& text);

}  // namespace ui_testing
