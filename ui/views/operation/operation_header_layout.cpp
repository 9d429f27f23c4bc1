#include "views/operation/operation_header_layout.h"

#include <QFontMetricsF>
#include <algorithm>

namespace shufflescope::ui {

namespace {

// Output shape, MACs (grouped vs dense) and parameters.
QStringList factPieces(const Step& s, const StepCost& cost) {
    QStringList pieces;
    pieces << OperationPainter::tr("output %1").arg(shapeText(s.out));
    if (cost.macs > 0) {
        pieces << OperationPainter::tr("%1 MACs (mult-adds)").arg(formatCount(cost.macs));
        if (cost.denseMacs > cost.macs)
            pieces << OperationPainter::tr("dense %1 → %2 fewer")
                          .arg(formatCount(cost.denseMacs),
                               formatRatio(double(cost.denseMacs) / double(cost.macs)));
    } else {
        pieces << OperationPainter::tr("no multiply-adds counted");
    }
    if (cost.params > 0)
        pieces << OperationPainter::tr("%1 parameters").arg(formatCount(cost.params));
    return pieces;
}

struct PackedLines {
    QStringList lines;
    QFont font;
};

// `pieces` packed greedily into lines at most `width` wide at full size, or a little smaller when
// that saves a line.
PackedLines packPieces(const QStringList& pieces, const QFont& infoFont, double width) {
    const QString gap = QStringLiteral("  ·  ");
    PackedLines best{{}, infoFont};
    for (double scale : {1.0, 0.92, 0.85}) {
        const QFont f = scaledFont(infoFont, scale);
        QStringList packed;
        QString current;
        for (const QString& piece : pieces) {
            const QString joined = current.isEmpty() ? piece : current + gap + piece;
            if (current.isEmpty() || textWidth(f, joined) <= width) {
                current = joined;
            } else {
                packed << current;
                current = piece;
            }
        }
        if (!current.isEmpty()) packed << current;
        if (best.lines.isEmpty() || packed.size() < best.lines.size()) best = {packed, f};
        if (best.lines.size() == 1) break;
    }
    return best;
}

}  // namespace

OperationHeaderLayout layoutOperationHeader(const Step& s, const StepCost& cost, const QRectF& area,
                                            double fontScale) {
    OperationHeaderLayout h;
    const QFont titleFont = viewFont(fontScale, 1.45, true);
    const QFont kindFont = viewFont(fontScale, 1.45);
    const QFont infoFont = viewFont(fontScale, 1.0);
    const double width = area.width();
    double y = area.top();

    // Name and kind on one line when they fit; otherwise the kind gets a line of its own
    // (smaller), so neither is cut.
    const QString kind = OperationPainter::kindDescription(s);
    h.name = {fitText(titleFont, QString::fromStdString(s.name), width), {area.left(), y}};
    const double kindRoom = width - h.name.text.width;
    const FittedText sameLine = fitText(kindFont, QStringLiteral("  ·  ") + kind, kindRoom, 0.85);
    h.kindBeside =
        !sameLine.elided && sameLine.font.pixelSize() >= h.name.text.font.pixelSize() * 0.85;
    if (h.kindBeside) {
        // Same baseline as the name.
        const double shift =
            QFontMetricsF(h.name.text.font).ascent() - QFontMetricsF(sameLine.font).ascent();
        h.kindBesideName = {sameLine, {area.left() + h.name.text.width, y + shift}};
        y += lineHeight(h.name.text.font) * 1.05;
    } else {
        y += lineHeight(h.name.text.font) * 1.0;
        const QFont ownLine = viewFont(fontScale, 1.15);
        h.kindOwnLine = wrapText(ownLine, kind, width, lineHeight(ownLine) * 2.2);
        h.kindRect = QRectF(area.left(), y, width, h.kindOwnLine.height);
        y += h.kindOwnLine.height + lineHeight(ownLine) * 0.15;
    }

    // Output shape, MACs (grouped vs dense) and parameters: one line if it fits, otherwise the
    // pieces flow onto as many lines as they need (each piece whole).
    h.pieces = factPieces(s, cost);
    const PackedLines packed = packPieces(h.pieces, infoFont, width);
    for (const QString& line : packed.lines) {
        h.facts.push_back({fitText(packed.font, line, width), {area.left(), y}});
        y += lineHeight(packed.font);
    }
    y += lineHeight(infoFont) * 0.5;
    h.rule = QLineF(QPointF(area.left(), y - lineHeight(infoFont) * 0.25),
                    QPointF(area.right(), y - lineHeight(infoFont) * 0.25));
    h.body = QRectF(area.left(), y, area.width(), std::max(0.0, area.bottom() - y));
    return h;
}

}  // namespace shufflescope::ui
