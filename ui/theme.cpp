#include "theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace Ledgerdesk::Ui::Theme {

namespace {

using Painter = std::function<void(QPainter &, qreal)>;

QIcon paintedIcon(const Painter &paint)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        paint(p, size);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QColor outOfStockText()
{
    return QColor(0xa1, 0x1b, 0x1b);
}

QColor outOfStockFill()
{
    return QColor(0xfd, 0xe2, 0xe2);
}

QColor lowStockText()
{
    return QColor(0x8a, 0x4b, 0x00);
}

QColor lowStockFill()
{
    return QColor(0xfe, 0xf0, 0xc7);
}

QIcon outOfStockIcon()
{
    static const QIcon icon = paintedIcon([](QPainter &p, qreal s) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xdc, 0x26, 0x26));
        p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(s * 0.24, s * 0.42, s * 0.52, s * 0.16), s * 0.04, s * 0.04);
    });
    return icon;
}

QIcon lowStockIcon()
{
    static const QIcon icon = paintedIcon([](QPainter &p, qreal s) {
        QPainterPath triangle;
        triangle.moveTo(s * 0.5, s * 0.06);
        triangle.lineTo(s * 0.96, s * 0.9);
        triangle.lineTo(s * 0.04, s * 0.9);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf5, 0x9e, 0x0b));
        p.drawPath(triangle);
        p.setBrush(QColor(0x3b, 0x25, 0x00));
        p.drawRoundedRect(QRectF(s * 0.44, s * 0.32, s * 0.12, s * 0.32), s * 0.04, s * 0.04);
        p.drawEllipse(QRectF(s * 0.44, s * 0.7, s * 0.12, s * 0.12));
    });
    return icon;
}

QIcon availabilityPageIcon()
{
    // Three stacked boxes: stock on shelves.
    static const QIcon icon = paintedIcon([](QPainter &p, qreal s) {
        p.setPen(QPen(QColor(0x1e, 0x3a, 0x5f), s / 16.0));
        p.setBrush(QColor(0x60, 0xa5, 0xfa));
        const qreal w = s * 0.4;
        p.drawRect(QRectF(s * 0.08, s * 0.52, w, w));
        p.drawRect(QRectF(s * 0.52, s * 0.52, w, w));
        p.setBrush(QColor(0x93, 0xc5, 0xfd));
        p.drawRect(QRectF(s * 0.3, s * 0.08, w, w));
    });
    return icon;
}

} // namespace Ledgerdesk::Ui::Theme
