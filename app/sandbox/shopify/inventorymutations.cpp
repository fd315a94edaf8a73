#include "inventorymutations.h"

#include "../graphql/gqlcontext.h"
#include "shopifyformat.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Ledgerdesk::Sandbox {

using Core::QuantityName;

namespace {

// Names a connector may change directly; committed belongs to orders, on_hand is derived.
const QList<QuantityName> kAdjustable = {QuantityName::Available,
                                         QuantityName::Incoming,
                                         QuantityName::Damaged,
                                         QuantityName::QualityControl,
                                         QuantityName::Reserved,
                                         QuantityName::SafetyStock};

} // namespace

InventoryMutations::InventoryMutations(ShopifyStore &store,
                                       QString apiVersion,
                                       qint64 now,
                                       qint64 clockSkewMs)
    : m_store(store)
    , m_version(std::move(apiVersion))
    , m_now(now)
    , m_skewMs(clockSkewMs)
{}

bool InventoryMutations::handles(const QString &mutation)
{
    return mutation == u"inventorySetQuantities" || mutation == u"inventoryAdjustQuantities"
           || mutation == u"inventoryMoveQuantities";
}

int InventoryMutations::versionNumber(const QString &apiVersion)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(apiVersion);
    if (!match.hasMatch()) {
        return 999999; // unstable
    }
    return match.captured(1).toInt() * 100 + match.captured(2).toInt();
}

QJsonObject InventoryMutations::run(const GqlField &field, const QJsonObject &args)
{
    if (!args.value(QStringLiteral("input")).isObject()) {
        GqlContext::raise(
            QStringLiteral("Field '%1' is missing required arguments: input").arg(field.name),
            field.at,
            QStringLiteral("missingRequiredArguments"));
    }
    const QJsonObject input = args.value(QStringLiteral("input")).toObject();
    if (field.name == u"inventorySetQuantities") {
        m_errorType = QStringLiteral("InventorySetQuantitiesUserError");
        return set(field, input);
    }
    if (field.name == u"inventoryAdjustQuantities") {
        m_errorType = QStringLiteral("InventoryAdjustQuantitiesUserError");
        return adjust(field, input);
    }
    m_errorType = QStringLiteral("InventoryMoveQuantitiesUserError");
    return move(field, input);
}

QJsonObject InventoryMutations::set(const GqlField &field, const QJsonObject &input)
{
    const int version = versionNumber(m_version);
    const QString nameKey = input.value(QStringLiteral("name")).toString();
    const bool nameOk = nameKey == u"available" || nameKey == u"on_hand";
    if (!nameOk) {
        userError(QStringLiteral("INVALID_NAME"),
                  {QStringLiteral("input"), QStringLiteral("name")},
                  QStringLiteral("The quantity name must be either 'available' or 'on_hand'."));
    }
    checkReason(input);
    checkReference(input, false);
    if (version >= 202604 && (input.contains(QStringLiteral("ignoreCompareQuantity")))) {
        GqlContext::raise(QStringLiteral("InputObject 'InventorySetQuantitiesInput' doesn't accept "
                                         "argument 'ignoreCompareQuantity'"),
                          field.at,
                          QStringLiteral("argumentNotAccepted"));
    }
    const bool ignoreCompare = input.value(QStringLiteral("ignoreCompareQuantity")).toBool();
    const QJsonArray quantities = input.value(QStringLiteral("quantities")).toArray();
    if (quantities.size() > 250) {
        userError(QStringLiteral("INVALID_QUANTITY_TOO_HIGH"),
                  {QStringLiteral("input"), QStringLiteral("quantities")},
                  QStringLiteral("At most 250 quantities can be set at once."));
    }
    QList<Pending> pending;
    for (int i = 0; i < quantities.size(); ++i) {
        const QJsonObject q = quantities.at(i).toObject();
        const QStringList path{
            QStringLiteral("input"), QStringLiteral("quantities"), QString::number(i)};
        if (version >= 202604 && q.contains(QStringLiteral("compareQuantity"))) {
            GqlContext::raise(QStringLiteral("InputObject 'InventoryQuantityInput' doesn't accept "
                                             "argument 'compareQuantity'"),
                              field.at,
                              QStringLiteral("argumentNotAccepted"));
        }
        int v = -1;
        int l = -1;
        const bool itemOk = resolveItem(q.value(QStringLiteral("inventoryItemId")),
                                        path + QStringList{QStringLiteral("inventoryItemId")},
                                        &v);
        const bool locationOk = resolveLocation(q.value(QStringLiteral("locationId")),
                                                path + QStringList{QStringLiteral("locationId")},
                                                &l);
        const qint64 target = q.value(QStringLiteral("quantity")).toInteger();
        if (std::abs(target) > Core::kMaxAbsoluteQuantity) {
            userError(QStringLiteral("INVALID_QUANTITY_TOO_HIGH"),
                      path + QStringList{QStringLiteral("quantity")},
                      QStringLiteral("The quantity can't be higher than 2,000,000,000."));
            continue;
        }
        if (!itemOk || !locationOk || !nameOk) {
            continue;
        }
        const Core::Quantities &current = m_store.level(v, l).quantities;
        const qint64 now = nameKey == u"available" ? current.available() : current.onHand();
        const bool useChangeFrom
            = version >= 202601
              && (q.contains(QStringLiteral("changeFromQuantity")) || version >= 202604);
        if (useChangeFrom) {
            if (!checkChangeFrom(field, q, now, path, QStringLiteral("InventoryQuantityInput"))) {
                continue;
            }
        } else if (!ignoreCompare) {
            if (!q.contains(QStringLiteral("compareQuantity"))) {
                userError(
                    QStringLiteral("COMPARE_QUANTITY_REQUIRED"),
                    path + QStringList{QStringLiteral("compareQuantity")},
                    QStringLiteral("The compareQuantity argument must be given to each quantity "
                                   "or ignored using ignoreCompareQuantity."));
                continue;
            }
            if (q.value(QStringLiteral("compareQuantity")).toInteger() != now) {
                userError(QStringLiteral("COMPARE_QUANTITY_STALE"),
                          path + QStringList{QStringLiteral("compareQuantity")},
                          QStringLiteral(
                              "The compareQuantity value does not match the current quantity (%1).")
                              .arg(now));
                continue;
            }
        }
        pending << Pending{v, l, QuantityName::Available, target - now, {}};
    }
    return finish(QStringLiteral("InventorySetQuantitiesPayload"), input, pending);
}

QJsonObject InventoryMutations::adjust(const GqlField &field, const QJsonObject &input)
{
    const auto name = Core::quantityNameFromKey(input.value(QStringLiteral("name")).toString());
    const bool nameOk = name && kAdjustable.contains(*name);
    if (!nameOk) {
        userError(QStringLiteral("INVALID_QUANTITY_NAME"),
                  {QStringLiteral("input"), QStringLiteral("name")},
                  QStringLiteral("The quantity name must be one of available, incoming, damaged, "
                                 "quality_control, reserved or safety_stock."));
    }
    checkReason(input);
    checkReference(input, false);
    const QJsonArray changes = input.value(QStringLiteral("changes")).toArray();
    QList<Pending> pending;
    for (int i = 0; i < changes.size(); ++i) {
        const QJsonObject c = changes.at(i).toObject();
        const QStringList path{
            QStringLiteral("input"), QStringLiteral("changes"), QString::number(i)};
        int v = -1;
        int l = -1;
        const bool itemOk = resolveItem(c.value(QStringLiteral("inventoryItemId")),
                                        path + QStringList{QStringLiteral("inventoryItemId")},
                                        &v);
        const bool locationOk = resolveLocation(c.value(QStringLiteral("locationId")),
                                                path + QStringList{QStringLiteral("locationId")},
                                                &l);
        if (!itemOk || !locationOk || !nameOk) {
            continue;
        }
        if (!checkLedgerDocument(c, *name, path)) {
            continue;
        }
        const qint64 delta = c.value(QStringLiteral("delta")).toInteger();
        const qint64 before = m_store.level(v, l).quantities.get(*name);
        if (!checkChangeFrom(field, c, before, path, QStringLiteral("InventoryChangeInput"))) {
            continue;
        }
        if (std::abs(before + delta) > Core::kMaxAbsoluteQuantity) {
            userError(QStringLiteral("INVALID_QUANTITY_TOO_HIGH"),
                      path + QStringList{QStringLiteral("delta")},
                      QStringLiteral("The resulting quantity can't be higher than 2,000,000,000."));
            continue;
        }
        if (*name != QuantityName::Available && before + delta < 0) {
            userError(QStringLiteral("INVALID_QUANTITY_NEGATIVE"),
                      path + QStringList{QStringLiteral("delta")},
                      QStringLiteral("The resulting %1 quantity can't be negative.")
                          .arg(Core::quantityNameKey(*name)));
            continue;
        }
        pending << Pending{
            v, l, *name, delta, c.value(QStringLiteral("ledgerDocumentUri")).toString()};
    }
    return finish(QStringLiteral("InventoryAdjustQuantitiesPayload"), input, pending);
}

QJsonObject InventoryMutations::move(const GqlField &field, const QJsonObject &input)
{
    checkReason(input);
    checkReference(input, true);
    const QJsonArray changes = input.value(QStringLiteral("changes")).toArray();
    QList<Pending> pending;
    for (int i = 0; i < changes.size(); ++i) {
        const QJsonObject c = changes.at(i).toObject();
        const QStringList path{
            QStringLiteral("input"), QStringLiteral("changes"), QString::number(i)};
        const QJsonObject from = c.value(QStringLiteral("from")).toObject();
        const QJsonObject to = c.value(QStringLiteral("to")).toObject();
        int v = -1;
        int lFrom = -1;
        int lTo = -1;
        const bool itemOk = resolveItem(c.value(QStringLiteral("inventoryItemId")),
                                        path + QStringList{QStringLiteral("inventoryItemId")},
                                        &v);
        const bool fromOk = resolveLocation(
            from.value(QStringLiteral("locationId")),
            path + QStringList{QStringLiteral("from"), QStringLiteral("locationId")},
            &lFrom);
        const bool toOk = resolveLocation(
            to.value(QStringLiteral("locationId")),
            path + QStringList{QStringLiteral("to"), QStringLiteral("locationId")},
            &lTo);
        if (!itemOk || !fromOk || !toOk) {
            continue;
        }
        if (lFrom != lTo) {
            userError(QStringLiteral("DIFFERENT_LOCATIONS"),
                      path,
                      QStringLiteral(
                          "Quantities can only be moved between states at the same location."));
            continue;
        }
        const qint64 quantity = c.value(QStringLiteral("quantity")).toInteger();
        if (quantity <= 0) {
            userError(QStringLiteral("INVALID_QUANTITY_NEGATIVE"),
                      path + QStringList{QStringLiteral("quantity")},
                      QStringLiteral("The quantity to move must be positive."));
            continue;
        }
        if (quantity > Core::kMaxAbsoluteQuantity) {
            userError(QStringLiteral("INVALID_QUANTITY_TOO_HIGH"),
                      path + QStringList{QStringLiteral("quantity")},
                      QStringLiteral("The quantity can't be higher than 2,000,000,000."));
            continue;
        }
        bool ok = true;
        Pending legs[2];
        for (int side = 0; side < 2; ++side) {
            const QJsonObject &terminal = side == 0 ? from : to;
            const QString sideKey = side == 0 ? QStringLiteral("from") : QStringLiteral("to");
            const auto name
                = Core::quantityNameFromKey(terminal.value(QStringLiteral("name")).toString());
            if (!name || !kAdjustable.contains(*name)) {
                userError(QStringLiteral("INVALID_QUANTITY_NAME"),
                          path + QStringList{sideKey, QStringLiteral("name")},
                          QStringLiteral("The quantity name is invalid for a move."));
                ok = false;
                continue;
            }
            if (!checkLedgerDocument(terminal, *name, path + QStringList{sideKey})) {
                ok = false;
                continue;
            }
            const qint64 before = m_store.level(v, lFrom).quantities.get(*name);
            if (!checkChangeFrom(field,
                                 terminal,
                                 before,
                                 path + QStringList{sideKey},
                                 QStringLiteral("InventoryMoveQuantityTerminalInput"))) {
                ok = false;
                continue;
            }
            legs[side] = Pending{v,
                                 lFrom,
                                 *name,
                                 side == 0 ? -quantity : quantity,
                                 terminal.value(QStringLiteral("ledgerDocumentUri")).toString()};
        }
        if (ok) {
            pending << legs[0] << legs[1];
        }
    }
    return finish(QStringLiteral("InventoryMoveQuantitiesPayload"), input, pending);
}

QJsonObject InventoryMutations::finish(const QString &payloadType,
                                       const QJsonObject &input,
                                       const QList<Pending> &pending)
{
    QJsonObject payload{{QStringLiteral("__typename"), payloadType}};
    if (!m_userErrors.isEmpty()) {
        payload.insert(QStringLiteral("inventoryAdjustmentGroup"), QJsonValue());
        payload.insert(QStringLiteral("userErrors"), m_userErrors);
        return payload;
    }
    QJsonArray changes;
    const auto record = [&](int v, int l, QuantityName name, qint64 delta, const QString &doc) {
        const ShopLevel &level = m_store.level(v, l);
        const qint64 after = level.quantities.get(name);
        m_changes << LevelChange{v, l, Core::quantityNameKey(name), delta, after, doc};
        const ShopVariant &variant = m_store.variants.at(v);
        const ShopLocation &location = m_store.locations.at(l);
        changes.append(QJsonObject{
            {QStringLiteral("__typename"), QStringLiteral("InventoryChange")},
            {QStringLiteral("name"), Core::quantityNameKey(name)},
            {QStringLiteral("delta"), QJsonValue(delta)},
            {QStringLiteral("quantityAfterChange"), QJsonValue(after)},
            {QStringLiteral("ledgerDocumentUri"), doc.isEmpty() ? QJsonValue() : QJsonValue(doc)},
            {QStringLiteral("item"),
             QJsonObject{{QStringLiteral("__typename"), QStringLiteral("InventoryItem")},
                         {QStringLiteral("id"),
                          ShopifyFormat::gid(QStringLiteral("InventoryItem"), variant.itemId)},
                         {QStringLiteral("sku"), variant.sku},
                         {QStringLiteral("tracked"), true}}},
            {QStringLiteral("location"),
             QJsonObject{{QStringLiteral("__typename"), QStringLiteral("Location")},
                         {QStringLiteral("id"),
                          ShopifyFormat::gid(QStringLiteral("Location"), location.id)},
                         {QStringLiteral("name"), location.name}}}});
    };
    for (const Pending &p : pending) {
        ShopLevel &level = m_store.level(p.variant, p.location);
        level.quantities.add(p.name, p.delta);
        level.updatedAt = m_now;
        record(p.variant, p.location, p.name, p.delta, p.ledgerDocumentUri);
        if (p.name == QuantityName::Available && payloadType == u"InventorySetQuantitiesPayload") {
            record(p.variant, p.location, QuantityName::OnHand, p.delta, {});
        }
    }
    const qint64 groupId = 901'000'000'000LL + m_store.nextAdjustmentGroup++;
    const QJsonValue reference = input.value(QStringLiteral("referenceDocumentUri"));
    payload.insert(
        QStringLiteral("inventoryAdjustmentGroup"),
        QJsonObject{{QStringLiteral("__typename"), QStringLiteral("InventoryAdjustmentGroup")},
                    {QStringLiteral("id"),
                     ShopifyFormat::gid(QStringLiteral("InventoryAdjustmentGroup"), groupId)},
                    {QStringLiteral("createdAt"), ShopifyFormat::graphqlTime(m_now + m_skewMs)},
                    {QStringLiteral("reason"), input.value(QStringLiteral("reason")).toString()},
                    {QStringLiteral("referenceDocumentUri"),
                     reference.isString() ? reference : QJsonValue()},
                    {QStringLiteral("changes"), changes}});
    payload.insert(QStringLiteral("userErrors"), QJsonArray());
    return payload;
}

} // namespace Ledgerdesk::Sandbox
