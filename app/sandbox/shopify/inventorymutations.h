#pragma once

#include "../business/shopifystore.h"
#include "../graphql/graphqldocument.h"

#include <QJsonObject>

namespace Ledgerdesk::Sandbox {

struct LevelChange
{
    int variant = 0;
    int location = 0;
    QString name;
    qint64 delta = 0;
    qint64 after = 0;
    QString ledgerDocumentUri;
};

// inventorySetQuantities, inventoryAdjustQuantities and inventoryMoveQuantities with the
// rules of the requested API version: quantity names, reasons, document URIs, compare-and-swap.
// All changes of one call apply together or not at all.
class InventoryMutations final
{
public:
    InventoryMutations(ShopifyStore &store, QString apiVersion, qint64 now, qint64 clockSkewMs);

    static bool handles(const QString &mutation);
    static int versionNumber(const QString &apiVersion); // 2026-04 → 202604; unstable → max

    // Returns the payload as plain JSON (objects carry __typename), or raises GqlFieldError for
    // input the schema itself rejects.
    QJsonObject run(const GqlField &field, const QJsonObject &args);

    const QList<LevelChange> &changes() const { return m_changes; }

private:
    struct Pending
    {
        int variant = 0;
        int location = 0;
        Core::QuantityName name{};
        qint64 delta = 0;
        QString ledgerDocumentUri;
    };

    QJsonObject set(const GqlField &field, const QJsonObject &input);
    QJsonObject adjust(const GqlField &field, const QJsonObject &input);
    QJsonObject move(const GqlField &field, const QJsonObject &input);

    void userError(const QString &code, const QStringList &path, const QString &message);
    bool checkReason(const QJsonObject &input);
    bool checkReference(const QJsonObject &input, bool required);
    bool resolveItem(const QJsonValue &id, const QStringList &path, int *variant);
    bool resolveLocation(const QJsonValue &id, const QStringList &path, int *location);
    bool checkLedgerDocument(const QJsonObject &change,
                             Core::QuantityName name,
                             const QStringList &path);
    bool checkChangeFrom(const GqlField &field,
                         const QJsonObject &object,
                         qint64 current,
                         const QStringList &path,
                         const QString &typeName);
    QJsonObject
    finish(const QString &payloadType, const QJsonObject &input, const QList<Pending> &pending);

    ShopifyStore &m_store;
    QString m_version;
    qint64 m_now = 0;
    qint64 m_skewMs = 0;
    QString m_errorType;
    QJsonArray m_userErrors;
    QList<LevelChange> m_changes;
};

} // namespace Ledgerdesk::Sandbox
