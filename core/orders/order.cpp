#include "order.h"

#include <QCryptographicHash>

namespace Ledgerdesk::Core {

qint64 OrderLine::allocated() const
{
    qint64 sum = 0;
    for (const OrderLineAllocation &allocation : allocations) {
        sum += allocation.quantity;
    }
    return sum;
}

QString IncomingOrder::contentHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto field = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    for (const QString &text : {name, company, companyLocation, poNumber, currency, paymentTerms}) {
        field(text);
    }
    field(dueDate ? dueDate->toString(Qt::ISODate) : QString());
    for (const Line &line : lines) {
        field(line.sku);
        field(QString::number(line.quantity));
        field(line.unitPrice);
    }
    return QString::fromLatin1(hash.result().toHex());
}

qint64 Order::outstanding() const
{
    qint64 sum = 0;
    for (const OrderLine &line : lines) {
        sum += line.outstanding();
    }
    return sum;
}

Money Order::total() const
{
    qint64 minor = 0;
    for (const OrderLine &line : lines) {
        minor += line.unitPrice.minorUnits() * line.quantity;
    }
    return Money(minor, currency);
}

} // namespace Ledgerdesk::Core
