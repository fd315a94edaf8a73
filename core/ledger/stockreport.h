#pragma once

#include <core/catalog/product.h>
#include <core/domain/quantities.h>
#include <core/error.h>

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Ledgerdesk::Core {

class Store;

struct StockRow
{
    VariantId variantId = 0;
    LocationId locationId = 0;
    QString sku;
    QString locationCode;
    Quantities quantities;
};

// Every balance as SKU × location, in SKU then location order: the stock position finance and
// exports read in one go. Built for whole-ledger reads; screens page through AvailabilityQuery.
class StockReport final
{
    Q_DECLARE_TR_FUNCTIONS(StockReport)

public:
    explicit StockReport(Store &store);

    static QString sql();
    Result<QList<StockRow>> fetch();

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
