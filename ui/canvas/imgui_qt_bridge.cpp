#include "canvas/imgui_qt_bridge.h"

#include <imgui.h>

#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cfloat>

namespace shufflescope::ui {

namespace {

// Qt keys ImGui's own widgets use (navigation and text editing). KeysDown[] is indexed by the
// ImGuiKey value itself, so KeyMap is the identity.
int imguiKeyFor(int qtKey) {
    switch (qtKey) {
        case Qt::Key_Tab:
            return ImGuiKey_Tab;
        case Qt::Key_Left:
            return ImGuiKey_LeftArrow;
        case Qt::Key_Right:
            return ImGuiKey_RightArrow;
        case Qt::Key_Up:
            return ImGuiKey_UpArrow;
        case Qt::Key_Down:
            return ImGuiKey_DownArrow;
        case Qt::Key_PageUp:
            return ImGuiKey_PageUp;
        case Qt::Key_PageDown:
            return ImGuiKey_PageDown;
        case Qt::Key_Home:
            return ImGuiKey_Home;
        case Qt::Key_End:
            return ImGuiKey_End;
        case Qt::Key_Insert:
            return ImGuiKey_Insert;
        case Qt::Key_Delete:
            return ImGuiKey_Delete;
        case Qt::Key_Backspace:
            return ImGuiKey_Backspace;
        case Qt::Key_Space:
            return ImGuiKey_Space;
        case Qt::Key_Return:
            return ImGuiKey_Enter;
        case Qt::Key_Escape:
            return ImGuiKey_Escape;
        case Qt::Key_Enter:
            return ImGuiKey_KeyPadEnter;
        case Qt::Key_A:
            return ImGuiKey_A;
        case Qt::Key_C:
            return ImGuiKey_C;
        case Qt::Key_V:
            return ImGuiKey_V;
        case Qt::Key_X:
            return ImGuiKey_X;
        case Qt::Key_Y:
            return ImGuiKey_Y;
        case Qt::Key_Z:
            return ImGuiKey_Z;
        default:
            return -1;
    }
}

int imguiButtonFor(Qt::MouseButton button) {
    switch (button) {
        case Qt::LeftButton:
            return 0;
        case Qt::RightButton:
            return 1;
        case Qt::MiddleButton:
            return 2;
        default:
            return -1;
    }
}

void setModifiers(ImGuiIO& io, Qt::KeyboardModifiers modifiers) {
    io.KeyCtrl = modifiers.testFlag(Qt::ControlModifier);
    io.KeyShift = modifiers.testFlag(Qt::ShiftModifier);
    io.KeyAlt = modifiers.testFlag(Qt::AltModifier);
    io.KeySuper = modifiers.testFlag(Qt::MetaModifier);
}

}  // namespace

ImGuiQtBridge::ImGuiQtBridge() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window layout is the widget's business, not a file's
    io.LogFilename = nullptr;
    io.BackendPlatformName = "shufflescope_imgui_qt";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = key;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::SetCurrentContext(previous);
}

ImGuiQtBridge::~ImGuiQtBridge() {
    ImGui::DestroyContext(context_);
}

void ImGuiQtBridge::makeCurrent() const {
    ImGui::SetCurrentContext(context_);
}

bool ImGuiQtBridge::handleEvent(const QEvent* event) {
    makeCurrent();
    ImGuiIO& io = ImGui::GetIO();
    switch (event->type()) {
        case QEvent::MouseMove: {
            const auto* e = static_cast<const QMouseEvent*>(event);
            mousePosition_ = e->position();
            mouseInside_ = true;
            setModifiers(io, e->modifiers());
            return true;
        }
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:  // Qt sends the second press of a double-click as this
        case QEvent::MouseButtonRelease: {
            const auto* e = static_cast<const QMouseEvent*>(event);
            const int button = imguiButtonFor(e->button());
            mousePosition_ = e->position();
            mouseInside_ = true;
            setModifiers(io, e->modifiers());
            if (button < 0) return false;
            buttonQueue_.push_back(
                {button, event->type() != QEvent::MouseButtonRelease, e->position()});
            return true;
        }
        case QEvent::Wheel: {
            const auto* e = static_cast<const QWheelEvent*>(event);
            // One notch of a mouse wheel is 120 eighths of a degree; ImGui counts notches.
            const QPoint delta = e->angleDelta();
            io.MouseWheel += float(delta.y()) / 120.0f;
            io.MouseWheelH += float(delta.x()) / 120.0f;
            mousePosition_ = e->position();
            mouseInside_ = true;
            setModifiers(io, e->modifiers());
            return true;
        }
        case QEvent::Enter: {
            mousePosition_ = static_cast<const QEnterEvent*>(event)->position();
            mouseInside_ = true;
            return true;
        }
        case QEvent::Leave:
            mouseInside_ = false;
            return true;
        case QEvent::KeyPress:
        case QEvent::KeyRelease: {
            const auto* e = static_cast<const QKeyEvent*>(event);
            const bool down = event->type() == QEvent::KeyPress;
            setModifiers(io, e->modifiers());
            const int key = imguiKeyFor(e->key());
            if (key >= 0) io.KeysDown[key] = down;
            if (down && !e->text().isEmpty() && e->text().front().isPrint())
                io.AddInputCharactersUTF8(e->text().toUtf8().constData());
            return true;
        }
        case QEvent::FocusIn:
            io.AddFocusEvent(true);
            return true;
        case QEvent::FocusOut:
            io.AddFocusEvent(false);
            return true;
        default:
            return false;
    }
}

void ImGuiQtBridge::applyQueuedButtons() {
    ImGuiIO& io = ImGui::GetIO();
    constexpr int kButtons = 5;
    static_assert(sizeof(ImGuiIO::MouseDown) / sizeof(bool) == kButtons);
    bool changed[kButtons] = {};
    while (!buttonQueue_.empty()) {
        const ButtonEvent& e = buttonQueue_.front();
        // A second transition of the same button must wait for the next frame, or ImGui would
        // never see the first.
        if (changed[e.button]) break;
        changed[e.button] = true;
        io.MouseDown[e.button] = e.down;
        io.MousePos = ImVec2(float(e.position.x()), float(e.position.y()));
        buttonQueue_.pop_front();
    }
}

void ImGuiQtBridge::newFrame(QSizeF logicalSize, qreal devicePixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(logicalSize.width()), float(logicalSize.height()));
    io.DisplayFramebufferScale = ImVec2(float(devicePixelRatio), float(devicePixelRatio));

    // ImGui asserts a positive time step; the first frame has none to measure.
    const double seconds =
        frameTimer_.isValid() ? double(frameTimer_.nsecsElapsed()) * 1e-9 : 1.0 / 60.0;
    frameTimer_.start();
    io.DeltaTime = float(std::max(seconds, 1e-5));

    // Queued clicks carry their own positions (a click lands where it was pressed, not where
    // the mouse is by the time the frame runs); while they drain, the pointer waits with them.
    applyQueuedButtons();
    if (!buttonQueue_.empty()) return;
    bool held = false;
    for (bool down : io.MouseDown) held = held || down;
    // Outside the widget with no button held ImGui should see no mouse at all (no hover).
    io.MousePos = mouseInside_ || held
                      ? ImVec2(float(mousePosition_.x()), float(mousePosition_.y()))
                      : ImVec2(-FLT_MAX, -FLT_MAX);
}

Qt::CursorShape ImGuiQtBridge::requestedCursor() const {
    ImGui::SetCurrentContext(context_);
    switch (ImGui::GetMouseCursor()) {
        case ImGuiMouseCursor_None:
            return Qt::BlankCursor;
        case ImGuiMouseCursor_TextInput:
            return Qt::IBeamCursor;
        case ImGuiMouseCursor_ResizeAll:
            return Qt::SizeAllCursor;
        case ImGuiMouseCursor_ResizeNS:
            return Qt::SizeVerCursor;
        case ImGuiMouseCursor_ResizeEW:
            return Qt::SizeHorCursor;
        case ImGuiMouseCursor_ResizeNESW:
            return Qt::SizeBDiagCursor;
        case ImGuiMouseCursor_ResizeNWSE:
            return Qt::SizeFDiagCursor;
        case ImGuiMouseCursor_Hand:
            return Qt::PointingHandCursor;
        case ImGuiMouseCursor_NotAllowed:
            return Qt::ForbiddenCursor;
        default:
            return Qt::ArrowCursor;
    }
}

}  // namespace shufflescope::ui
