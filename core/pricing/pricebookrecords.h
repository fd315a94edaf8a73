#pragma once

#include <core/error.h>
#include <core/pricing/pricebook.h>
#include <core/pricing/pricelist.h>

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Ledgerdesk::Core {

// The rows behind PriceBook: reading a price list with its prices, breaks and rules, checking a
// snapshot before anything is written, and writing it inside the caller's transaction.
class PriceBookRecords final
{
    Q_DECLARE_TR_FUNCTIONS(PriceBookRecords)

public:
    static Result<std::optional<PriceListRecord>> loadPriceList(QSqlDatabase db, const QString &id);
    static Result<PriceList> toPriceList(const PriceListRecord &record);
    // Every company, location and list complete; locations point at a company and a list that
    // is in the snapshot or already stored; terms that PaymentTerms understands.
    static Status validate(QSqlDatabase db, const B2BSnapshot &snapshot);
    static Status write(QSqlDatabase db, const B2BSnapshot &snapshot, qint64 now);
};

} // namespace Ledgerdesk::Core
