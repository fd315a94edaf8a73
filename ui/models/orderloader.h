#pragma once

#include <core/orders/orderbook.h>
#include <core/pricing/paymentterms.h>

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// One order of the queue as the page shows it: the order with its lines and allocations, and
// when its invoice falls due.
struct OrderRow
{
    Core::Order order;
    QString locationName;                    // the company location's name when it is known
    std::optional<Core::PaymentTerms> terms; // when the order's terms are known
    std::optional<QDate> due;                // stated by the channel, else from the terms
};

struct OrderLoadRequest
{
    quint64 generation = 0;
    Core::OrderFilter filter;
};

struct OrderLoadResult
{
    quint64 generation = 0;
    QList<OrderRow> rows;
    qint64 needingAction = 0; // new and backordered orders in the whole queue
    bool needingActionCapped = false;
    QString error; // empty when the queue was read
};

// Reads the order queue on its own thread through that thread's connection: the filtered list
// (newest first, at most the filter's limit) and each order's lines, so the window never waits.
class OrderLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderLoader)

public:
    static constexpr int kActionCountLimit = 1000;

    explicit OrderLoader(Core::Store &store);
    ~OrderLoader() override;

    void load(const Ledgerdesk::Ui::OrderLoadRequest &request);

    // The order's terms: the company location's when the ledger knows it, else the terms the
    // channel named ("Net 30", "Due on receipt", …); nullopt when neither is known.
    static std::optional<Core::PaymentTerms> termsFromText(const QString &text);
    // When the invoice is due: the channel's own due date, else from the terms; for terms due on
    // fulfilment, `shipped` is the day the order shipped.
    static std::optional<QDate> dueDateOf(const Core::Order &order,
                                          const std::optional<Core::PaymentTerms> &terms,
                                          std::optional<QDate> shipped);

signals:
    void loaded(const Ledgerdesk::Ui::OrderLoadResult &result);

private:
    Core::Store &m_store;
};

} // namespace Ledgerdesk::Ui

Q_DECLARE_METATYPE(Ledgerdesk::Ui::OrderLoadRequest)
Q_DECLARE_METATYPE(Ledgerdesk::Ui::OrderLoadResult)
