// ShopifyViews: companies, company locations, catalogs, price lists and payment terms.
#include "searchquery.h"
#include "shopifyformat.h"
#include "shopifyviews.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

namespace {

const QString kCompany = QStringLiteral("Company");
const QString kCompanyLocation = QStringLiteral("CompanyLocation");
const QString kPriceList = QStringLiteral("PriceList");
const QString kCatalog = QStringLiteral("CompanyLocationCatalog");

} // namespace

QJsonValue ShopifyViews::b2bRoot(const GqlField &field, const QJsonObject &args) const
{
    const QString name = field.name;
    const auto companyReader
        = [this](qint64 id, const QString &n, const QString &ext, qint64 created, qint64 updated) {
              return [=, this](const QString &f) -> std::optional<QString> {
                  if (f == u"updated_at") {
                      return QString::number(updated + m_skewMs);
                  }
                  if (f == u"created_at") {
                      return QString::number(created + m_skewMs);
                  }
                  if (f == u"name") {
                      return n;
                  }
                  if (f == u"external_id") {
                      return ext;
                  }
                  if (f == u"id") {
                      return QString::number(id);
                  }
                  return std::nullopt;
              };
          };
    if (name == u"companies") {
        const SearchQuery query = search(field, args);
        QList<int> picked;
        for (int i = 0; i < m_store.companies.size(); ++i) {
            const ShopCompany &c = m_store.companies.at(i);
            if (query.matches(
                    companyReader(c.id, c.name, c.externalId, c.createdAt, c.updatedAt))) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [this](int i) { return m_store.companies.at(i).id; },
            [this](int i) { return company(i); },
            sortKey(
                args,
                [this](int i) { return m_store.companies.at(i).updatedAt; },
                [this](int i) { return m_store.companies.at(i).createdAt; }));
    }
    if (name == u"companyLocations") {
        const SearchQuery query = search(field, args);
        QList<int> picked;
        for (int i = 0; i < m_store.companyLocations.size(); ++i) {
            const ShopCompanyLocation &c = m_store.companyLocations.at(i);
            if (query.matches(
                    companyReader(c.id, c.name, c.externalId, c.createdAt, c.updatedAt))) {
                picked << i;
            }
        }
        return paged(
            field,
            args,
            picked,
            [this](int i) { return m_store.companyLocations.at(i).id; },
            [this](int i) { return companyLocation(i); });
    }
    if (name == u"company" || name == u"companyLocation" || name == u"priceList"
        || name == u"catalog") {
        const QString type = name == u"company"           ? kCompany
                             : name == u"companyLocation" ? kCompanyLocation
                             : name == u"priceList"       ? kPriceList
                                                    : QStringLiteral("CompanyLocationCatalog");
        const qint64 id
            = ShopifyFormat::parseGid(argId(field, args, QStringLiteral("id")), type).value_or(0);
        if (name == u"company") {
            const int i = m_store.companyById(id);
            return i < 0 ? QJsonValue()
                         : QJsonValue(company(i).project(field.selections, m_context));
        }
        if (name == u"companyLocation") {
            const int i = m_store.companyLocationById(id);
            return i < 0 ? QJsonValue()
                         : QJsonValue(companyLocation(i).project(field.selections, m_context));
        }
        for (int i = 0; i < m_store.priceLists.size(); ++i) {
            const ShopPriceList &p = m_store.priceLists.at(i);
            if ((name == u"priceList" && p.id == id) || (name == u"catalog" && p.catalogId == id)) {
                return (name == u"priceList" ? priceList(i) : catalog(i))
                    .project(field.selections, m_context);
            }
        }
        return QJsonValue();
    }
    if (name == u"priceLists" || name == u"catalogs") {
        QList<int> all;
        for (int i = 0; i < m_store.priceLists.size(); ++i) {
            all << i;
        }
        const bool lists = name == u"priceLists";
        return paged(
            field,
            args,
            all,
            [this, lists](int i) {
                return lists ? m_store.priceLists.at(i).id : m_store.priceLists.at(i).catalogId;
            },
            [this, lists](int i) { return lists ? priceList(i) : catalog(i); });
    }
    if (name == u"paymentTermsTemplates") {
        const QString type = args.value(QStringLiteral("paymentTermsType")).toString();
        QJsonArray out;
        for (int i = 0; i < m_store.paymentTerms.size(); ++i) {
            if (type.isEmpty() || m_store.paymentTerms.at(i).type == type) {
                out.append(paymentTermsTemplate(i).project(field.selections, m_context));
            }
        }
        return out;
    }
    return QJsonValue(QJsonValue::Undefined);
}

GqlObject ShopifyViews::paymentTermsTemplate(int index) const
{
    const PaymentTermsTemplate &t = m_store.paymentTerms.at(index);
    GqlObject o(QStringLiteral("PaymentTermsTemplate"));
    o.set(QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("PaymentTermsTemplate"), t.id));
    o.set(QStringLiteral("name"), t.name);
    o.set(QStringLiteral("translatedName"), t.name);
    o.set(QStringLiteral("description"), t.description);
    o.set(QStringLiteral("paymentTermsType"), t.type);
    o.set(QStringLiteral("dueInDays"), t.dueInDays < 0 ? QJsonValue() : QJsonValue(t.dueInDays));
    return o;
}

GqlObject ShopifyViews::company(int index) const
{
    const ShopCompany &c = m_store.companies.at(index);
    GqlObject o(kCompany, {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kCompany, c.id));
    o.set(QStringLiteral("name"), c.name);
    o.set(QStringLiteral("externalId"), c.externalId);
    o.set(QStringLiteral("createdAt"), time(c.createdAt));
    o.set(QStringLiteral("updatedAt"), time(c.updatedAt));
    o.set(QStringLiteral("customerSince"), time(c.createdAt));
    o.set(QStringLiteral("locationsCount"),
          QJsonObject{{QStringLiteral("__typename"), QStringLiteral("Count")},
                      {QStringLiteral("count"), int(c.locations.size())},
                      {QStringLiteral("precision"), QStringLiteral("EXACT")}});
    o.set(QStringLiteral("mainContact"),
          QJsonObject{{QStringLiteral("__typename"), QStringLiteral("CompanyContact")},
                      {QStringLiteral("id"),
                       ShopifyFormat::gid(QStringLiteral("CompanyContact"), c.contactId)}});
    o.on(QStringLiteral("locations"), [this, index](const GqlField &f, const QJsonObject &a) {
        return QJsonValue(paged(
            f,
            a,
            m_store.companies.at(index).locations,
            [this](int i) { return m_store.companyLocations.at(i).id; },
            [this](int i) { return companyLocation(i); }));
    });
    return o;
}

GqlObject ShopifyViews::companyLocation(int index) const
{
    const ShopCompanyLocation &c = m_store.companyLocations.at(index);
    GqlObject o(kCompanyLocation, {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kCompanyLocation, c.id));
    o.set(QStringLiteral("name"), c.name);
    o.set(QStringLiteral("externalId"), c.externalId);
    o.set(QStringLiteral("currency"), c.currency);
    o.set(QStringLiteral("createdAt"), time(c.createdAt));
    o.set(QStringLiteral("updatedAt"), time(c.updatedAt));
    const QJsonObject address{{QStringLiteral("__typename"), QStringLiteral("CompanyAddress")},
                              {QStringLiteral("city"), c.city},
                              {QStringLiteral("countryCode"), c.countryCode},
                              {QStringLiteral("address1"), c.name}};
    o.set(QStringLiteral("billingAddress"), address);
    o.set(QStringLiteral("shippingAddress"), address);
    const int terms = c.paymentTerms;
    o.on(QStringLiteral("buyerExperienceConfiguration"),
         [this, terms](const GqlField &f, const QJsonObject &) {
             GqlObject config(QStringLiteral("BuyerExperienceConfiguration"));
             config.set(QStringLiteral("checkoutToDraft"), false);
             config.set(QStringLiteral("editableShippingAddress"), false);
             config.on(QStringLiteral("paymentTermsTemplate"),
                       [this, terms](const GqlField &tf, const QJsonObject &) {
                           return QJsonValue(
                               paymentTermsTemplate(terms).project(tf.selections, m_context));
                       });
             return QJsonValue(config.project(f.selections, m_context));
         });
    o.on(QStringLiteral("company"), [this, index](const GqlField &f, const QJsonObject &) {
        return QJsonValue(
            company(m_store.companyLocations.at(index).company).project(f.selections, m_context));
    });
    o.on(QStringLiteral("catalogs"), [this, index](const GqlField &f, const QJsonObject &a) {
        return QJsonValue(paged(
            f,
            a,
            {m_store.companyLocations.at(index).priceList},
            [this](int i) { return m_store.priceLists.at(i).catalogId; },
            [this](int i) { return catalog(i); }));
    });
    return o;
}

GqlObject ShopifyViews::catalog(int priceListIndex) const
{
    const ShopPriceList &p = m_store.priceLists.at(priceListIndex);
    GqlObject o(kCatalog, {QStringLiteral("Catalog"), QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kCatalog, p.catalogId));
    o.set(QStringLiteral("title"), p.catalogTitle);
    o.set(QStringLiteral("status"), QStringLiteral("ACTIVE"));
    o.on(QStringLiteral("priceList"),
         [this, priceListIndex](const GqlField &f, const QJsonObject &) {
             return QJsonValue(priceList(priceListIndex).project(f.selections, m_context));
         });
    o.on(QStringLiteral("companyLocations"),
         [this, priceListIndex](const GqlField &f, const QJsonObject &a) {
             return QJsonValue(paged(
                 f,
                 a,
                 m_store.priceLists.at(priceListIndex).companyLocations,
                 [this](int i) { return m_store.companyLocations.at(i).id; },
                 [this](int i) { return companyLocation(i); }));
         });
    return o;
}

GqlObject ShopifyViews::priceList(int index) const
{
    const ShopPriceList &p = m_store.priceLists.at(index);
    GqlObject o(kPriceList, {QStringLiteral("Node")});
    o.set(QStringLiteral("id"), ShopifyFormat::gid(kPriceList, p.id));
    o.set(QStringLiteral("name"), p.name);
    o.set(QStringLiteral("currency"), p.currency);
    o.set(QStringLiteral("fixedPricesCount"), int(p.fixedPrices.size()));
    o.set(QStringLiteral("parent"),
          QJsonObject{
              {QStringLiteral("__typename"), QStringLiteral("PriceListParent")},
              {QStringLiteral("adjustment"),
               QJsonObject{{QStringLiteral("__typename"), QStringLiteral("PriceListAdjustment")},
                           {QStringLiteral("type"), p.adjustmentType},
                           {QStringLiteral("value"), p.adjustmentValue}}},
              {QStringLiteral("settings"),
               QJsonObject{
                   {QStringLiteral("__typename"), QStringLiteral("PriceListAdjustmentSettings")},
                   {QStringLiteral("compareAtMode"), QStringLiteral("ADJUSTED")}}}});
    o.on(QStringLiteral("catalog"), [this, index](const GqlField &f, const QJsonObject &) {
        return QJsonValue(catalog(index).project(f.selections, m_context));
    });
    o.on(QStringLiteral("prices"), [this, index](const GqlField &f, const QJsonObject &a) {
        const ShopPriceList &list = m_store.priceLists.at(index);
        const bool fixedOnly = a.value(QStringLiteral("originType")).toString() == u"FIXED";
        QHash<int, int> fixedByVariant;
        for (int i = 0; i < list.fixedPrices.size(); ++i) {
            fixedByVariant.insert(list.fixedPrices.at(i).variant, i);
        }
        QList<int> variants;
        for (int v = 0; v < m_store.variants.size(); ++v) {
            if (!fixedOnly || fixedByVariant.contains(v)) {
                variants << v;
            }
        }
        return QJsonValue(paged(
            f,
            a,
            variants,
            [this](int v) { return m_store.variants.at(v).id; },
            [this, &list, fixedByVariant](int v) {
                GqlObject price(QStringLiteral("PriceListPrice"));
                const bool fixed = fixedByVariant.contains(v);
                const qint64 base
                    = ShopifyStore::convert(m_store.variants.at(v).priceMinor, list.currency);
                const qint64 amount
                    = fixed ? list.fixedPrices.at(fixedByVariant.value(v)).priceMinor
                            : qint64(double(base) * (100.0 - list.adjustmentValue) / 100.0 + 0.5);
                price.set(QStringLiteral("originType"),
                          fixed ? QStringLiteral("FIXED") : QStringLiteral("RELATIVE"));
                price.set(QStringLiteral("price"), ShopifyFormat::moneyV2(amount, list.currency));
                price.set(QStringLiteral("compareAtPrice"),
                          ShopifyFormat::moneyV2(base, list.currency));
                price.on(QStringLiteral("variant"),
                         [this, v](const GqlField &vf, const QJsonObject &) {
                             return QJsonValue(variant(v).project(vf.selections, m_context));
                         });
                price.on(QStringLiteral("quantityPriceBreaks"),
                         [this, &list, v](const GqlField &bf, const QJsonObject &ba) {
                             QList<int> breaks;
                             for (int i = 0; i < list.priceBreaks.size(); ++i) {
                                 if (list.priceBreaks.at(i).variant == v) {
                                     breaks << i;
                                 }
                             }
                             return QJsonValue(paged(
                                 bf,
                                 ba,
                                 breaks,
                                 [&list](int i) { return list.id * 1000 + i; },
                                 [this, &list](int i) {
                                     const PriceBreak &b = list.priceBreaks.at(i);
                                     GqlObject node(QStringLiteral("QuantityPriceBreak"));
                                     node.set(
                                         QStringLiteral("id"),
                                         ShopifyFormat::gid(QStringLiteral("QuantityPriceBreak"),
                                                            list.id * 1000 + i));
                                     node.set(QStringLiteral("minimumQuantity"),
                                              QJsonValue(b.minimumQuantity));
                                     node.set(QStringLiteral("price"),
                                              ShopifyFormat::moneyV2(b.priceMinor, list.currency));
                                     const int bv = b.variant;
                                     node.on(QStringLiteral("variant"),
                                             [this, bv](const GqlField &vf, const QJsonObject &) {
                                                 return QJsonValue(
                                                     variant(bv).project(vf.selections, m_context));
                                             });
                                     return node;
                                 }));
                         });
                return price;
            }));
    });
    o.on(QStringLiteral("quantityRules"), [this, index](const GqlField &f, const QJsonObject &a) {
        const ShopPriceList &list = m_store.priceLists.at(index);
        QList<int> all;
        for (int i = 0; i < list.quantityRules.size(); ++i) {
            all << i;
        }
        return QJsonValue(paged(
            f,
            a,
            all,
            [this, &list](int i) {
                return m_store.variants.at(list.quantityRules.at(i).variant).id;
            },
            [this, &list](int i) {
                const QuantityRule &r = list.quantityRules.at(i);
                GqlObject rule(QStringLiteral("QuantityRule"));
                rule.set(QStringLiteral("minimum"), QJsonValue(r.minimum));
                rule.set(QStringLiteral("maximum"),
                         r.maximum > 0 ? QJsonValue(r.maximum) : QJsonValue());
                rule.set(QStringLiteral("increment"), QJsonValue(r.increment));
                rule.set(QStringLiteral("isDefault"), false);
                rule.set(QStringLiteral("originType"), QStringLiteral("FIXED"));
                const int rv = r.variant;
                rule.on(QStringLiteral("productVariant"),
                        [this, rv](const GqlField &vf, const QJsonObject &) {
                            return QJsonValue(variant(rv).project(vf.selections, m_context));
                        });
                return rule;
            }));
    });
    return o;
}

} // namespace Ledgerdesk::Sandbox
