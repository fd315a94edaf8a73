#pragma once

#include <core/catalog/product.h>
#include <core/domain/money.h>
#include <core/domain/timestamp.h>
#include <core/orders/orderstate.h>

#include <QDate>
#include <QList>
#include <QString>

namespace Ledgerdesk::Core {

using OrderId = qint64;

// Where an order came from. One queue holds them all; the channel is an attribute.
namespace OrderChannel {
inline const QString shopify = QStringLiteral("shopify");
inline const QString erp = QStringLiteral("erp");
inline const QString console = QStringLiteral("console");
inline const QString wms = QStringLiteral("wms");
} // namespace OrderChannel

struct OrderLineAllocation
{
    LocationId locationId = 0;
    QString locationCode;
    qint64 quantity = 0;
};

struct OrderLine
{
    qint64 id = 0;
    int lineNo = 0;
    QString sku;
    VariantId variantId = 0;
    qint64 quantity = 0;
    Money unitPrice;
    QList<OrderLineAllocation> allocations;

    qint64 allocated() const;

    qint64 outstanding() const { return quantity - allocated(); }
};

// An order as it arrives from a channel: lines by SKU, buyer and terms as the channel states them.
struct IncomingOrder
{
    QString channel;
    QString externalRef; // unique within the channel, e.g. the Shopify order id
    QString name;        // what people call it, e.g. "#1042"
    QString company;     // empty for a consumer order
    QString companyLocation;
    QString poNumber;
    QString currency;
    QString paymentTerms; // e.g. "Net 30"; empty when none
    UtcMillis issuedAt = 0;
    std::optional<QDate> dueDate;

    struct Line
    {
        QString sku;
        qint64 quantity = 0;
        QString unitPrice; // decimal text in the order's currency
    };

    QList<Line> lines;

    QString contentHash() const;
};

struct Order
{
    OrderId id = 0;
    QString channel;
    QString externalRef;
    QString name;
    QString company;
    QString companyLocation;
    QString poNumber;
    QString currency;
    QString paymentTerms;
    UtcMillis issuedAt = 0;
    std::optional<QDate> dueDate;
    OrderState state = OrderState::New;
    UtcMillis createdAt = 0;
    UtcMillis updatedAt = 0;
    QList<OrderLine> lines;

    qint64 outstanding() const;
    Money total() const;
};

} // namespace Ledgerdesk::Core
