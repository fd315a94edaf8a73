#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ledgerdesk::Sandbox {

// Quantities of one item at one location, as NetSuite reports them per item-location.
struct ErpItemLocation
{
    qint64 item = 0;
    qint64 location = 0;
    qint64 onHand = 0;
    qint64 committed = 0;
    qint64 onOrder = 0;
    qint64 inTransit = 0;
    QString lastModified;

    qint64 available() const { return onHand > committed ? onHand - committed : 0; }
};

struct ErpPriceLevel
{
    qint64 id = 0;
    QString name;
    int percentOfBase = 100;
};

// The ERP's own truth: records by type (JSON, NetSuite field names) and item-location quantities.
class ErpRecords final
{
public:
    static const QStringList &recordTypes();
    // Record type names are case-insensitive on the wire; empty when unknown.
    static QString canonicalType(const QString &name);
    static const QList<ErpPriceLevel> &priceLevels();
    static const QStringList &currencies();
    // Converts a price in USD cents to another currency's cents at the stand-in's fixed rate.
    static qint64 convertCents(qint64 usdCents, const QString &currency);

    // Minor units to the JSON number NetSuite returns.
    static double amount(qint64 cents) { return double(cents) / 100.0; }

    static qint64 toCents(double amount);

    const QMap<qint64, QJsonObject> &records(const QString &type) const;
    std::optional<QJsonObject> record(const QString &type, qint64 id) const;
    qint64 insert(const QString &type, QJsonObject record);
    void replace(const QString &type, qint64 id, const QJsonObject &record);
    qint64 itemIdBySku(const QString &sku) const;

    const QMap<QPair<qint64, qint64>, ErpItemLocation> &itemLocations() const
    {
        return m_itemLocations;
    }

    ErpItemLocation *itemLocation(qint64 item, qint64 location);
    void setItemLocation(const ErpItemLocation &row);

    // The record as the API shows it; sublists become links unless expanded.
    QJsonObject view(const QString &type, qint64 id, bool expand, const QString &baseUrl) const;

    QJsonObject toJson() const;
    static std::optional<ErpRecords> fromJson(const QJsonObject &json);

private:
    QHash<QString, QMap<qint64, QJsonObject>> m_records;
    QMap<QPair<qint64, qint64>, ErpItemLocation> m_itemLocations;
    QHash<QString, qint64> m_itemsBySku;
    qint64 m_nextId = 1;
};

} // namespace Ledgerdesk::Sandbox
