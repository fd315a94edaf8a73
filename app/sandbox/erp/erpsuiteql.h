#pragma once

#include "erprecords.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QString>

namespace Ledgerdesk::Sandbox {

struct ErpQueryResult
{
    QJsonArray rows; // every matching row, unpaged
    QString error;   // empty on success

    bool ok() const { return error.isEmpty(); }
};

// The small SuiteQL subset a connector needs — not a SQL engine:
//   SELECT <* | col, ...> FROM <table> [WHERE col op literal [AND ...]] [ORDER BY col [ASC|DESC]]
// over the tables inventoryitemlocations, item, customer, transaction, location and pricing.
// Operators: = != <> < <= > >=; literals: 'text' or numbers. Anything else is refused.
class ErpSuiteQl final
{
    Q_DECLARE_TR_FUNCTIONS(ErpSuiteQl)

public:
    explicit ErpSuiteQl(const ErpRecords &records);

    ErpQueryResult run(const QString &query) const;

    static QStringList tables();

private:
    QJsonArray tableRows(const QString &table) const;

    const ErpRecords &m_records;
};

} // namespace Ledgerdesk::Sandbox
