#pragma once

#include <core/error.h>
#include <core/sync/outboxitem.h>

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <variant>

namespace Ledgerdesk::Core {

class ErpClient;
class Store;

// Delivers "salesOrder.create" outbox rows (see OrderOutbox) as salesOrder records, sent with the
// row's idempotency key (X-NetSuite-Idempotency-Key) so a retry after a lost answer creates one
// record. The customer is the ERP customer whose company name is the order's company; a consumer
// order goes to the connection's consumerCustomer. The record carries our order as externalId
// ("shopify:5001"), so the order's way back from the ERP is recognised as ours; the ERP's id is
// linked to the order in the external id map (system "erp", entity "order").
class ErpSalesOrderPusher final
{
    Q_DECLARE_TR_FUNCTIONS(ErpSalesOrderPusher)

public:
    struct Failure
    {
        QString message;
        bool permanent = false; // the ERP (or our own mapping) refused it for good
    };

    ErpSalesOrderPusher(Store &store,
                        ErpClient &client,
                        const QHash<QString, QString> &itemSkus,
                        QString consumerCustomer,
                        int pageSize);

    // Returns the ERP's id of the sales order, or why it could not be created.
    std::variant<QString, Failure> deliver(const OutboxItem &item);

private:
    Status loadCustomers();
    std::variant<QJsonObject, Failure> body(const OutboxItem &item);

    Store &m_store;
    ErpClient &m_client;
    QHash<QString, QString> m_itemIds; // SKU → ERP item id
    QString m_consumerCustomer;
    int m_pageSize = 1000;
    bool m_customersLoaded = false;
    QHash<QString, QPair<QString, QString>> m_customers; // company name → (ERP id, currency)
};

} // namespace Ledgerdesk::Core
