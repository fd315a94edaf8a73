// InventoryMutations: the checks every mutation shares (reasons, URIs, ids, compare-and-swap).
#include "../graphql/gqlcontext.h"
#include "inventorymutations.h"
#include "shopifyformat.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Ledgerdesk::Sandbox {

using Core::QuantityName;

namespace {

const QStringList kReasons = {
    QStringLiteral("correction"),
    QStringLiteral("cycle_count_available"),
    QStringLiteral("damaged"),
    QStringLiteral("other"),
    QStringLiteral("promotion"),
    QStringLiteral("received"),
    QStringLiteral("restock"),
    QStringLiteral("shrinkage"),
    QStringLiteral("movement_created"),
    QStringLiteral("movement_updated"),
    QStringLiteral("movement_received"),
    QStringLiteral("movement_canceled"),
    QStringLiteral("quality_control"),
    QStringLiteral("reservation_created"),
    QStringLiteral("reservation_deleted"),
    QStringLiteral("reservation_updated"),
    QStringLiteral("safety_stock"),
};

bool isUri(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://\\S+$"));
    return pattern.match(text).hasMatch();
}

QJsonArray fieldPath(const QStringList &path)
{
    return QJsonArray::fromStringList(path);
}

} // namespace

void InventoryMutations::userError(const QString &code,
                                   const QStringList &path,
                                   const QString &message)
{
    m_userErrors.append(QJsonObject{{QStringLiteral("__typename"), m_errorType},
                                    {QStringLiteral("code"), code},
                                    {QStringLiteral("field"), fieldPath(path)},
                                    {QStringLiteral("message"), message}});
}

bool InventoryMutations::checkReason(const QJsonObject &input)
{
    const QString reason = input.value(QStringLiteral("reason")).toString();
    if (!kReasons.contains(reason)) {
        userError(QStringLiteral("INVALID_REASON"),
                  {QStringLiteral("input"), QStringLiteral("reason")},
                  QStringLiteral("The specified reason is invalid. Valid values: %1.")
                      .arg(kReasons.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

bool InventoryMutations::checkReference(const QJsonObject &input, bool required)
{
    const QJsonValue uri = input.value(QStringLiteral("referenceDocumentUri"));
    if ((uri.isUndefined() || uri.isNull()) && !required) {
        return true;
    }
    if (!isUri(uri.toString())) {
        userError(QStringLiteral("INVALID_REFERENCE_DOCUMENT"),
                  {QStringLiteral("input"), QStringLiteral("referenceDocumentUri")},
                  QStringLiteral("The reference document URI isn't a valid URI, e.g. "
                                 "gid://your-app/Entity/1 or https://example.com/doc/1."));
        return false;
    }
    return true;
}

bool InventoryMutations::resolveItem(const QJsonValue &id, const QStringList &path, int *variant)
{
    *variant = m_store.variantByItemId(
        ShopifyFormat::parseGid(id.toString(), QStringLiteral("InventoryItem")).value_or(0));
    if (*variant < 0) {
        userError(QStringLiteral("INVALID_INVENTORY_ITEM"),
                  path,
                  QStringLiteral("The specified inventory item could not be found."));
        return false;
    }
    return true;
}

bool InventoryMutations::resolveLocation(const QJsonValue &id,
                                         const QStringList &path,
                                         int *location)
{
    *location = m_store.locationById(
        ShopifyFormat::parseGid(id.toString(), QStringLiteral("Location")).value_or(0));
    if (*location < 0) {
        userError(QStringLiteral("INVALID_LOCATION"),
                  path,
                  QStringLiteral("The specified location could not be found."));
        return false;
    }
    if (!m_store.locations.at(*location).active) {
        userError(QStringLiteral("ITEM_NOT_STOCKED_AT_LOCATION"),
                  path,
                  QStringLiteral("The item is not stocked at the specified location."));
        return false;
    }
    return true;
}

bool InventoryMutations::checkLedgerDocument(const QJsonObject &change,
                                             QuantityName name,
                                             const QStringList &path)
{
    const QJsonValue doc = change.value(QStringLiteral("ledgerDocumentUri"));
    const bool present = doc.isString();
    if (name == QuantityName::Available) {
        if (present) {
            userError(
                QStringLiteral("INVALID_AVAILABLE_DOCUMENT"),
                path + QStringList{QStringLiteral("ledgerDocumentUri")},
                QStringLiteral("A ledger document URI is not allowed when changing available."));
            return false;
        }
        return true;
    }
    if (!present) {
        userError(QStringLiteral("INVALID_QUANTITY_DOCUMENT"),
                  path + QStringList{QStringLiteral("ledgerDocumentUri")},
                  QStringLiteral("A ledger document URI is required for %1.")
                      .arg(Core::quantityNameKey(name)));
        return false;
    }
    if (doc.toString().startsWith(QStringLiteral("gid://shopify/"))) {
        userError(QStringLiteral("INTERNAL_LEDGER_DOCUMENT"),
                  path + QStringList{QStringLiteral("ledgerDocumentUri")},
                  QStringLiteral("A ledger document URI must not point at a Shopify resource."));
        return false;
    }
    if (!isUri(doc.toString())) {
        userError(QStringLiteral("INVALID_LEDGER_DOCUMENT"),
                  path + QStringList{QStringLiteral("ledgerDocumentUri")},
                  QStringLiteral("The ledger document URI isn't a valid URI."));
        return false;
    }
    return true;
}

bool InventoryMutations::checkChangeFrom(const GqlField &field,
                                         const QJsonObject &object,
                                         qint64 current,
                                         const QStringList &path,
                                         const QString &typeName)
{
    const int version = versionNumber(m_version);
    const bool present = object.contains(QStringLiteral("changeFromQuantity"));
    if (version >= 202604 && !present) {
        GqlContext::raise(QStringLiteral("Argument 'changeFromQuantity' on InputObject '%1' is "
                                         "required. Pass null to skip the check.")
                              .arg(typeName),
                          field.at,
                          QStringLiteral("missingRequiredInputObjectAttribute"));
    }
    if (version < 202601 && present) {
        GqlContext::raise(QStringLiteral("InputObject '%1' doesn't accept argument "
                                         "'changeFromQuantity' before 2026-01")
                              .arg(typeName),
                          field.at,
                          QStringLiteral("argumentNotAccepted"));
    }
    const QJsonValue expected = object.value(QStringLiteral("changeFromQuantity"));
    if (present && !expected.isNull() && expected.toInteger() != current) {
        userError(QStringLiteral("CHANGE_FROM_QUANTITY_STALE"),
                  path + QStringList{QStringLiteral("changeFromQuantity")},
                  QStringLiteral("The specified changeFromQuantity (%1) does not match the current "
                                 "quantity (%2).")
                      .arg(expected.toInteger())
                      .arg(current));
        return false;
    }
    return true;
}

} // namespace Ledgerdesk::Sandbox
