#pragma once

#include <core/domain/quantities.h>
#include <core/domain/timestamp.h>
#include <core/error.h>
#include <core/sync/syncexception.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ledgerdesk::Core {

class Store;

// What one connected system last said about one quantity of one SKU at one location.
struct SystemFigure
{
    QString system;
    QuantityName quantity = QuantityName::OnHand;
    std::optional<QString> value;    // the external value as last reported
    std::optional<QString> base;     // the value both sides last agreed on
    std::optional<UtcMillis> seenAt; // when the system reported it (else when it was agreed)
    std::optional<UtcMillis> agreedAt;
};

struct SystemFigures
{
    QString sku;
    QString locationCode;
    Quantities ledger;
    bool ledgerHasBalance = false; // false: the pair has never moved, the ledger says zero
    UtcMillis ledgerUpdatedAt = 0;
    QStringList systems; // every system that ever reported inventory, in name order
    QList<SystemFigure> figures;
    QList<SyncException> openExceptions; // open or acknowledged, about this SKU × location

    std::optional<SystemFigure> figure(const QString &system, QuantityName quantity) const;
};

// The ledger's balance for one SKU × location beside every connected system's last word on it,
// read with a handful of primary-key lookups whatever the size of the ledger.
class SystemFiguresQuery final
{
    Q_DECLARE_TR_FUNCTIONS(SystemFiguresQuery)

public:
    explicit SystemFiguresQuery(Store &store);

    Result<SystemFigures> fetch(const QString &sku, const QString &locationCode);

private:
    Store &m_store;
};

} // namespace Ledgerdesk::Core
