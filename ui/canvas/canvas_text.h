#pragma once
// How the canvas's layouts measure and shorten text without ImGui: the canvas passes a TextWidth
// that asks its ImGui fonts, a test passes its own. Plain functions, no Qt widgets, no ImGui.

#include <QString>
#include <functional>

namespace shufflescope::ui {

// The canvas's fonts: ImGui's current font as ImGui::CalcTextSize measures it (whole pixels), and
// the regular, small (tile numbers) and large (messages, the enlarged view) fonts at a size.
enum class CanvasFont { Current, Regular, Small, Large };

// The width of `text` in `font` at `size` pixels (`size` is ignored for CanvasFont::Current).
using TextWidth = std::function<float(const QString& text, CanvasFont font, float size)>;

// `text` when it fits in `width`, else its longest start that fits with `dots` after it, else
// nothing. `width` measures a candidate.
QString elideToWidth(const QString& text, float width, const QString& dots,
                     const std::function<float(const QString&)>& measure);

}  // namespace shufflescope::ui
