#pragma once

#include "../business/shopifystore.h"
#include "../graphql/gqlobject.h"

namespace Ledgerdesk::Sandbox {

class SearchQuery;

// Presents the shop's state as GraphQL objects: root query fields and the object types
// the connectors read (inventory, orders, B2B).
class ShopifyViews final
{
public:
    ShopifyViews(const ShopifyStore &store, const GqlContext &context, qint64 clockSkewMs);

    // Resolves one root field of a query; raises GqlFieldError for unknown fields.
    QJsonValue root(const GqlField &field) const;

    GqlObject location(int index) const;
    GqlObject product(int index) const;
    GqlObject variant(int index) const;
    GqlObject inventoryItem(int variant) const;
    GqlObject inventoryLevel(int variant, int location) const;
    GqlObject order(int index) const;
    GqlObject fulfillmentOrder(int index) const;
    GqlObject company(int index) const;
    GqlObject companyLocation(int index) const;
    GqlObject priceList(int index) const;
    GqlObject catalog(int priceList) const;
    GqlObject paymentTermsTemplate(int index) const;

    QString time(qint64 utcMillis) const;

private:
    QJsonValue inventoryRoot(const GqlField &field, const QJsonObject &args) const;
    QJsonValue orderRoot(const GqlField &field, const QJsonObject &args) const;
    QJsonValue b2bRoot(const GqlField &field, const QJsonObject &args) const;
    QJsonValue levelsConnection(const GqlField &field,
                                const QJsonObject &args,
                                int fixedVariant,
                                int fixedLocation) const;
    QJsonObject paged(const GqlField &field,
                      const QJsonObject &args,
                      const QList<int> &indexes,
                      const std::function<qint64(int)> &idOf,
                      const std::function<GqlObject(int)> &nodeOf,
                      const std::function<qint64(int)> &sortValueOf = {}) const;
    // UPDATED_AT / CREATED_AT / PROCESSED_AT sort keys; other keys sort by id.
    std::function<qint64(int)> sortKey(const QJsonObject &args,
                                       const std::function<qint64(int)> &updatedAt,
                                       const std::function<qint64(int)> &createdAt) const;
    SearchQuery search(const GqlField &field, const QJsonObject &args) const;
    bool wantsReverse(const QJsonObject &args) const;
    QString argId(const GqlField &field, const QJsonObject &args, const QString &name) const;

    const ShopifyStore &m_store;
    const GqlContext &m_context;
    qint64 m_skewMs = 0;
};

} // namespace Ledgerdesk::Sandbox
