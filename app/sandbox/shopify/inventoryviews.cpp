// ShopifyViews: locations, products, variants, inventory items and levels.
#include "../graphql/gqlconnection.h"
#include "searchquery.h"
#include "shopifyformat.h"
#include "shopifyviews.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

using Core::QuantityName;

namespace {

const QString kLocation = QStringLiteral("Location");
const QString kItem = QStringLiteral("InventoryItem");

std::optional<QString> timeText(qint64 ms)
{
    return QString::number(ms);
}

} // namespace

QJsonValue ShopifyViews::inventoryRoot(const GqlField &field, const QJsonObject &args) const
{
    const QString name = field.name;
    if (name == u"locations") {
        const SearchQuery query = search(field, args);
        const bool inactive = args.value(QStringLiteral("includeInactive")).toBool();
        QList<int> picked;
        for (int i = 0; i < m_store.locations.size(); ++i) {
            const ShopLocation &l = m_store.locations.at(i);
            if ((l.active || inactive)
                && query.matches([&](const QString &f) -> std::optional<QString> {
                       if (f == u"name") {
                           return l.name;
                       }
                       if (f == u"id") {
                           return QString::number(l.id);
                       }
                       return std::nullopt;
                   })) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [&](int i) { return m_store.locations.at(i).id; },
            [&](int i) { return location(i); });
    }
    if (name == u"location") {
        const int i = m_store.locationById(
            ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")), kLocation)
                .value_or(0));
        return i < 0 ? QJsonValue() : QJsonValue(location(i).project(field.selections, m_context));
    }
    if (name == u"products") {
        const SearchQuery query = search(field, args);
        QList<int> picked;
        for (int i = 0; i < m_store.products.size(); ++i) {
            const ShopProduct &p = m_store.products.at(i);
            if (query.matches([&](const QString &f) -> std::optional<QString> {
                    if (f == u"updated_at") {
                        return timeText(p.updatedAt + m_skewMs);
                    }
                    if (f == u"created_at") {
                        return timeText(p.createdAt + m_skewMs);
                    }
                    if (f == u"handle") {
                        return p.handle;
                    }
                    if (f == u"title") {
                        return p.title;
                    }
                    if (f == u"product_type") {
                        return p.productType;
                    }
                    if (f == u"id") {
                        return QString::number(p.id);
                    }
                    return std::nullopt;
                })) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [&](int i) { return m_store.products.at(i).id; },
            [&](int i) { return product(i); },
            sortKey(
                args,
                [&](int i) { return m_store.products.at(i).updatedAt; },
                [&](int i) { return m_store.products.at(i).createdAt; }));
    }
    if (name == u"product") {
        const int i
            = m_store.productById(ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")),
                                                          QStringLiteral("Product"))
                                      .value_or(0));
        return i < 0 ? QJsonValue() : QJsonValue(product(i).project(field.selections, m_context));
    }
    if (name == u"productVariants" || name == u"inventoryItems") {
        const SearchQuery query = search(field, args);
        const bool items = name == u"inventoryItems";
        QList<int> picked;
        for (int i = 0; i < m_store.variants.size(); ++i) {
            const ShopVariant &v = m_store.variants.at(i);
            if (query.matches([&](const QString &f) -> std::optional<QString> {
                    if (f == u"updated_at") {
                        return timeText(v.updatedAt + m_skewMs);
                    }
                    if (f == u"created_at") {
                        return timeText(v.createdAt + m_skewMs);
                    }
                    if (f == u"sku") {
                        return v.sku;
                    }
                    if (f == u"barcode") {
                        return v.barcode;
                    }
                    if (f == u"id") {
                        return QString::number(items ? v.itemId : v.id);
                    }
                    if (f == u"product_id") {
                        return QString::number(m_store.products.at(v.product).id);
                    }
                    return std::nullopt;
                })) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [&](int i) {
                return items ? m_store.variants.at(i).itemId : m_store.variants.at(i).id;
            },
            [&](int i) { return items ? inventoryItem(i) : variant(i); },
            sortKey(
                args,
                [&](int i) { return m_store.variants.at(i).updatedAt; },
                [&](int i) { return m_store.variants.at(i).createdAt; }));
    }
    if (name == u"productVariant") {
        const int i
            = m_store.variantById(ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")),
                                                          QStringLiteral("ProductVariant"))
                                      .value_or(0));
        return i < 0 ? QJsonValue() : QJsonValue(variant(i).project(field.selections, m_context));
    }
    if (name == u"inventoryItem") {
        const int i = m_store.variantByItemId(
            ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")), kItem).value_or(0));
        return i < 0 ? QJsonValue()
                     : QJsonValue(inventoryItem(i).project(field.selections, m_context));
    }
    if (name == u"inventoryLevel") {
        // gid://shopify/InventoryLevel/{locationId}?inventory_item_id={itemId}
        const QString id = argId(field, args, QStringLiteral("id"));
        const qsizetype q = id.indexOf(QStringLiteral("?inventory_item_id="));
        const int l = q < 0 ? -1
                            : m_store.locationById(ShopifyFormat::parseGid(
                                                       id.left(q), QStringLiteral("InventoryLevel"))
                                                       .value_or(0));
        const int v = q < 0 ? -1 : m_store.variantByItemId(id.mid(q + 19).toLongLong());
        if (l < 0 || v < 0) {
            return QJsonValue();
        }
        return inventoryLevel(v, l).project(field.selections, m_context);
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue ShopifyViews::levelsConnection(const GqlField &field,
                                          const QJsonObject &args,
                                          int fixedVariant,
                                          int fixedLocation) const
{
    const SearchQuery query = search(field, args);
    // Index space: variant * locations + location, ids are item ids (by location) or location ids.
    QList<int> picked;
    const int locCount = int(m_store.locations.size());
    const auto consider = [&](int v, int l) {
        const ShopLevel &lv = m_store.level(v, l);
        if (query.matches([&](const QString &f) -> std::optional<QString> {
                if (f == u"updated_at") {
                    return timeText(lv.updatedAt + m_skewMs);
                }
                if (f == u"sku") {
                    return m_store.variants.at(v).sku;
                }
                if (f == u"inventory_item_id") {
                    return QString::number(m_store.variants.at(v).itemId);
                }
                if (f == u"location_id") {
                    return QString::number(m_store.locations.at(l).id);
                }
                return std::nullopt;
            })) {
            picked << v * locCount + l;
        }
    };
    if (fixedVariant >= 0) {
        for (int l = 0; l < locCount; ++l) {
            consider(fixedVariant, l);
        }
    } else {
        for (int v = 0; v < m_store.variants.size(); ++v) {
            consider(v, fixedLocation);
        }
    }
    return paged(
        field,
        args,
        picked,
        [&](int i) {
            return fixedVariant >= 0 ? m_store.locations.at(i % locCount).id
                                     : m_store.variants.at(i / locCount).itemId;
        },
        [&](int i) { return inventoryLevel(i / locCount, i % locCount); });
}

GqlObject ShopifyViews::location(int index) const
{
    const ShopLocation &l = m_store.locations.at(index);
    GqlObject o(kLocation, {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kLocation, l.id));
    o.set(QStringLiteral("legacyResourceId"), QString::number(l.id));
    o.set(QStringLiteral("name"), l.name);
    o.set(QStringLiteral("isActive"), l.active);
    o.set(QStringLiteral("fulfillsOnlineOrders"), l.kind == u"warehouse" || l.kind == u"3pl");
    o.set(QStringLiteral("shipsInventory"), l.kind != u"trade_show");
    o.set(QStringLiteral("isFulfillmentService"), false);
    o.set(QStringLiteral("createdAt"), time(l.createdAt));
    o.set(QStringLiteral("updatedAt"), time(l.createdAt));
    o.set(QStringLiteral("address"),
          QJsonObject{{QStringLiteral("__typename"), QStringLiteral("LocationAddress")},
                      {QStringLiteral("city"), l.city},
                      {QStringLiteral("countryCode"), l.countryCode},
                      {QStringLiteral("address1"), l.name}});
    o.on(QStringLiteral("inventoryLevels"), [this, index](const GqlField &f, const QJsonObject &a) {
        return QJsonValue(levelsConnection(f, a, -1, index));
    });
    o.on(QStringLiteral("inventoryLevel"), [this, index](const GqlField &f, const QJsonObject &a) {
        const int v = m_store.variantByItemId(
            ShopifyFormat::parseGid(argId(f, a, QStringLiteral("inventoryItemId")), kItem)
                .value_or(0));
        return v < 0 ? QJsonValue()
                     : QJsonValue(inventoryLevel(v, index).project(f.selections, m_context));
    });
    return o;
}

GqlObject ShopifyViews::product(int index) const
{
    const ShopProduct &p = m_store.products.at(index);
    GqlObject o(QStringLiteral("Product"), {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("Product"), p.id));
    o.set(QStringLiteral("legacyResourceId"), QString::number(p.id));
    o.set(QStringLiteral("title"), p.title);
    o.set(QStringLiteral("handle"), p.handle);
    o.set(QStringLiteral("vendor"), p.vendor);
    o.set(QStringLiteral("productType"), p.productType);
    o.set(QStringLiteral("status"), QStringLiteral("ACTIVE"));
    o.set(QStringLiteral("tracksInventory"), true);
    o.set(QStringLiteral("createdAt"), time(p.createdAt));
    o.set(QStringLiteral("updatedAt"), time(p.updatedAt));
    qint64 total = 0;
    for (int v : p.variants) {
        for (int l = 0; l < m_store.locations.size(); ++l) {
            total += m_store.level(v, l).quantities.available();
        }
    }
    o.set(QStringLiteral("totalInventory"), QJsonValue(total));
    o.on(QStringLiteral("variants"), [this, index](const GqlField &f, const QJsonObject &a) {
        return QJsonValue(paged(
            f,
            a,
            m_store.products.at(index).variants,
            [this](int i) { return m_store.variants.at(i).id; },
            [this](int i) { return variant(i); }));
    });
    return o;
}

GqlObject ShopifyViews::variant(int index) const
{
    const ShopVariant &v = m_store.variants.at(index);
    const ShopProduct &p = m_store.products.at(v.product);
    GqlObject o(QStringLiteral("ProductVariant"), {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("ProductVariant"), v.id));
    o.set(QStringLiteral("legacyResourceId"), QString::number(v.id));
    o.set(QStringLiteral("sku"), v.sku);
    o.set(QStringLiteral("barcode"), v.barcode);
    o.set(QStringLiteral("title"), QString(v.color + QStringLiteral(" / ") + v.size));
    o.set(QStringLiteral("displayName"),
          QString(p.title + QStringLiteral(" - ") + v.color + QStringLiteral(" / ") + v.size));
    o.set(QStringLiteral("price"), ShopifyFormat::amount(v.priceMinor, m_store.shopCurrency));
    o.set(QStringLiteral("compareAtPrice"), QJsonValue());
    o.set(QStringLiteral("createdAt"), time(v.createdAt));
    o.set(QStringLiteral("updatedAt"), time(v.updatedAt));
    o.set(QStringLiteral("selectedOptions"),
          QJsonArray{QJsonObject{{QStringLiteral("__typename"), QStringLiteral("SelectedOption")},
                                 {QStringLiteral("name"), QStringLiteral("Color")},
                                 {QStringLiteral("value"), v.color}},
                     QJsonObject{{QStringLiteral("__typename"), QStringLiteral("SelectedOption")},
                                 {QStringLiteral("name"), QStringLiteral("Size")},
                                 {QStringLiteral("value"), v.size}}});
    qint64 available = 0;
    for (int l = 0; l < m_store.locations.size(); ++l) {
        available += m_store.level(index, l).quantities.available();
    }
    o.set(QStringLiteral("inventoryQuantity"), QJsonValue(available));
    o.on(QStringLiteral("product"), [this, index](const GqlField &f, const QJsonObject &) {
        return QJsonValue(
            product(m_store.variants.at(index).product).project(f.selections, m_context));
    });
    o.on(QStringLiteral("inventoryItem"), [this, index](const GqlField &f, const QJsonObject &) {
        return QJsonValue(inventoryItem(index).project(f.selections, m_context));
    });
    return o;
}

GqlObject ShopifyViews::inventoryItem(int variantIndex) const
{
    const ShopVariant &v = m_store.variants.at(variantIndex);
    GqlObject o(kItem, {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kItem, v.itemId));
    o.set(QStringLiteral("legacyResourceId"), QString::number(v.itemId));
    o.set(QStringLiteral("sku"), v.sku);
    o.set(QStringLiteral("tracked"), true);
    o.set(QStringLiteral("requiresShipping"), true);
    o.set(QStringLiteral("createdAt"), time(v.createdAt));
    o.set(QStringLiteral("updatedAt"), time(v.updatedAt));
    o.set(QStringLiteral("unitCost"),
          ShopifyFormat::moneyV2(v.priceMinor * 45 / 100, m_store.shopCurrency));
    o.on(QStringLiteral("variant"), [this, variantIndex](const GqlField &f, const QJsonObject &) {
        return QJsonValue(variant(variantIndex).project(f.selections, m_context));
    });
    o.on(QStringLiteral("inventoryLevels"),
         [this, variantIndex](const GqlField &f, const QJsonObject &a) {
             return QJsonValue(levelsConnection(f, a, variantIndex, -1));
         });
    o.on(QStringLiteral("inventoryLevel"),
         [this, variantIndex](const GqlField &f, const QJsonObject &a) {
             const int l = m_store.locationById(
                 ShopifyFormat::parseGid(argId(f, a, QStringLiteral("locationId")), kLocation)
                     .value_or(0));
             return l < 0 ? QJsonValue()
                          : QJsonValue(
                              inventoryLevel(variantIndex, l).project(f.selections, m_context));
         });
    return o;
}

GqlObject ShopifyViews::inventoryLevel(int variantIndex, int locationIndex) const
{
    const ShopVariant &v = m_store.variants.at(variantIndex);
    const ShopLocation &l = m_store.locations.at(locationIndex);
    const ShopLevel &level = m_store.level(variantIndex, locationIndex);
    GqlObject o(QStringLiteral("InventoryLevel"), {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::levelGid(l.id, v.itemId));
    o.set(QStringLiteral("canDeactivate"), true);
    o.set(QStringLiteral("createdAt"), time(l.createdAt));
    o.set(QStringLiteral("updatedAt"), time(level.updatedAt));
    o.on(QStringLiteral("item"), [this, variantIndex](const GqlField &f, const QJsonObject &) {
        return QJsonValue(inventoryItem(variantIndex).project(f.selections, m_context));
    });
    o.on(QStringLiteral("location"), [this, locationIndex](const GqlField &f, const QJsonObject &) {
        return QJsonValue(location(locationIndex).project(f.selections, m_context));
    });
    o.on(QStringLiteral("quantities"), [this, &level](const GqlField &f, const QJsonObject &a) {
        if (!a.value(QStringLiteral("names")).isArray()) {
            GqlContext::raise(
                QStringLiteral("Field 'quantities' is missing required arguments: names"),
                f.at,
                QStringLiteral("missingRequiredArguments"));
        }
        QJsonArray out;
        for (const QJsonValue &n : a.value(QStringLiteral("names")).toArray()) {
            const auto name = Core::quantityNameFromKey(n.toString());
            if (!name) {
                GqlContext::raise(QStringLiteral("Invalid quantity name '%1'").arg(n.toString()),
                                  f.at,
                                  QStringLiteral("INVALID_QUANTITY_NAME"));
            }
            GqlObject q(QStringLiteral("InventoryQuantity"));
            q.set(QStringLiteral("id"),
                  QString(QStringLiteral("gid://shopify/InventoryQuantity/") + n.toString()));
            q.set(QStringLiteral("name"), n.toString());
            q.set(QStringLiteral("quantity"), QJsonValue(level.quantities.get(*name)));
            q.set(QStringLiteral("updatedAt"), time(level.updatedAt));
            out.append(q.project(f.selections, m_context));
        }
        return QJsonValue(out);
    });
    return o;
}

} // namespace Ledgerdesk::Sandbox
