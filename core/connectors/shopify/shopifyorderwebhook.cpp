#include "shopifyorderwebhook.h"

#include <core/connectors/shopify/shopifyorderpull.h>
#include <core/domain/externalid.h>
#include <core/domain/timestamp.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ledgerdesk::Core {

Result<std::optional<IncomingOrder>> ShopifyOrderWebhook::fromRest(Store &store,
                                                                   const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    auto ref = externalIdFromJson(o[QStringLiteral("id")]);
    const auto created = parseIsoTimestamp(o[QStringLiteral("created_at")].toString());
    if (!ref || ref.value().isEmpty() || !created) {
        return makeError(ErrorCode::Validation,
                         tr("an orders/create body needs the order's id and created_at"));
    }
    IncomingOrder order;
    order.channel = OrderChannel::shopify;
    order.externalRef = ref.value();
    order.name = o[QStringLiteral("name")].toString();
    order.poNumber = o[QStringLiteral("po_number")].toString();
    order.currency = o[QStringLiteral("presentment_currency")].toString(
        o[QStringLiteral("currency")].toString());
    order.issuedAt = created.value();
    const QJsonValue company = o[QStringLiteral("company")];
    if (company.isObject()) {
        auto companyId = externalIdFromJson(company[QStringLiteral("id")]);
        auto locationId = externalIdFromJson(company[QStringLiteral("location_id")]);
        if (!companyId || !locationId) {
            return makeError(ErrorCode::Validation,
                             tr("order %1 names its company without readable ids").arg(order.name));
        }
        const QString gid = QStringLiteral("gid://shopify/Company/") + companyId.value();
        auto name = runQuery(store.connection(),
                             QStringLiteral("SELECT name FROM companies WHERE external_id = ?"),
                             {gid});
        if (!name) {
            return name.error();
        }
        if (!name.value().next()) {
            return std::optional<IncomingOrder>();
        }
        order.company = name.value().value(0).toString();
        order.companyLocation
            = QStringLiteral("gid://shopify/CompanyLocation/") + locationId.value();
    }
    const QJsonValue terms = o[QStringLiteral("payment_terms")];
    if (terms.isObject()) {
        order.paymentTerms = terms[QStringLiteral("payment_terms_name")].toString();
        const QJsonArray schedules = terms[QStringLiteral("payment_schedules")].toArray();
        if (!schedules.isEmpty()) {
            order.dueDate
                = ShopifyOrderPull::dueDay(schedules.first()[QStringLiteral("due_at")].toString());
        }
    }
    for (const QJsonValue &line : o[QStringLiteral("line_items")].toArray()) {
        const QJsonValue presentment
            = line[QStringLiteral("price_set")][QStringLiteral("presentment_money")];
        order.lines << IncomingOrder::Line{line[QStringLiteral("sku")].toString(),
                                           line[QStringLiteral("quantity")].toInteger(),
                                           presentment.isObject()
                                               ? presentment[QStringLiteral("amount")].toString()
                                               : line[QStringLiteral("price")].toString()};
    }
    if (order.lines.isEmpty()) {
        return makeError(ErrorCode::Validation, tr("order %1 has no line items").arg(order.name));
    }
    return std::optional<IncomingOrder>(order);
}

} // namespace Ledgerdesk::Core
