#pragma once
// ImGuiQtBridge: the platform half of a Dear ImGui backend for one Qt widget — a thin adapter in
// the spirit of ImGui's own imgui_impl_* files. It owns one ImGui context (so several widgets
// never share input state or fonts), forwards the widget's Qt input events to that context's
// ImGuiIO, and fills in display size, framebuffer scale and frame time at the start of a frame.
// Rendering stays with the widget (ImGui_ImplOpenGL3_* with its GL context current).
//
// ImGui 1.86 reads mouse buttons as state sampled once per frame, so a press and release that
// both arrive between two frames (a quick click; a double-click is press-release-press-release)
// would be lost. Button transitions are therefore queued and at most one per button is applied
// per frame; hasPendingInput() tells the widget to render another frame to drain the queue
// (ImGui 1.87 later added the same trickling to the library itself).

#include <QElapsedTimer>
#include <QPointF>
#include <QSizeF>
#include <Qt>
#include <deque>

class QEvent;
struct ImGuiContext;

namespace shufflescope::ui {

class ImGuiQtBridge {
  public:
    // Creates the context (with its own font atlas, no imgui.ini). Does not make it current.
    ImGuiQtBridge();
    // Destroys the context. The renderer backend must have been shut down already.
    ~ImGuiQtBridge();
    ImGuiQtBridge(const ImGuiQtBridge&) = delete;
    ImGuiQtBridge& operator=(const ImGuiQtBridge&) = delete;

    ImGuiContext* context() const { return context_; }
    // ImGui keeps one global current context; every entry point of a widget calls this first.
    void makeCurrent() const;

    // Forwards a mouse, wheel, key, focus or leave event to ImGui (the context need not be
    // current). Returns true if the event is one ImGui reads, i.e. the widget should repaint.
    bool handleEvent(const QEvent* event);

    // Call with this context current, right before ImGui::NewFrame(): display size in logical
    // pixels, the device pixel ratio, the time since the previous frame, queued input.
    void newFrame(QSizeF logicalSize, qreal devicePixelRatio);

    // Queued button transitions remain for the next frame: render another one.
    bool hasPendingInput() const { return !buttonQueue_.empty(); }

    // The cursor ImGui asks for in the last frame (call after ImGui::Render()).
    Qt::CursorShape requestedCursor() const;

    // The mouse position last seen (logical pixels), or nothing when the mouse is outside.
    bool mouseInside() const { return mouseInside_; }
    QPointF mousePosition() const { return mousePosition_; }

  private:
    struct ButtonEvent {
        int button = 0;  // ImGui's index: 0 left, 1 right, 2 middle
        bool down = false;
        QPointF position;
    };

    void applyQueuedButtons();

    ImGuiContext* context_ = nullptr;
    QElapsedTimer frameTimer_;
    std::deque<ButtonEvent> buttonQueue_;
    QPointF mousePosition_;
    bool mouseInside_ = false;
};

}  // namespace shufflescope::ui
