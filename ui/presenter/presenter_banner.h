#pragma once
// Presenter mode's strip above the views: where the class is (the step and the configuration, a
// small line on the left) and what the step costs, as one large badge on the right — its MACs,
// and grouped against dense. High contrast: the window's text colour on its background, the badge
// in the highlight colour, sized from the text scale so it reads from the back of a room.

#include <QWidget>

#include "presenter/presenter_text.h"

namespace shufflescope::ui {

class PresenterBanner : public QWidget {
    Q_OBJECT
  public:
    explicit PresenterBanner(QWidget* parent = nullptr);
    void setFacts(const PresenterFacts& facts);
    void setFontScale(double scale);
    const PresenterFacts& facts() const { return facts_; }
    // Where the badge is drawn, in the banner's coordinates (tests check it is on screen).
    QRect badgeRect() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {0, sizeHint().height()}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QFont headlineFont() const;
    QFont detailFont() const;
    QFont lineFont() const;

    PresenterFacts facts_;
    double fontScale_ = 1.5;
};

}  // namespace shufflescope::ui
