#include "shopifyservice.h"

#include "../httpreply.h"
#include "../sandboxclock.h"
#include "graphqlendpoint.h"
#include "shopifyformat.h"
#include "webhookdispatcher.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

namespace {

QString derive(const char *purpose, quint32 seed)
{
    const QByteArray material
        = QByteArrayLiteral("ledgerdesk-sandbox/") + purpose + '/' + QByteArray::number(seed);
    return QString::fromLatin1(
        QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex().left(32));
}

constexpr int kTickMs = 250;

} // namespace

ShopifyService::ShopifyService(const QString &shopName,
                               const QString &apiVersion,
                               quint32 seed,
                               const ShopifyFaults &faults,
                               const SandboxClock &clock,
                               QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_seed(seed)
    , m_faults(faults)
    , m_store(ShopifyStore::seeded(seed, clock.now()))
    , m_injector(seed ^ 0x5407u)
    , m_bucket(faults.throttle)
{
    m_credentials.shopDomain = shopName + QStringLiteral(".myshopify.com");
    m_credentials.accessToken = QStringLiteral("shpat_") + derive("access-token", seed);
    m_credentials.webhookSecret = QStringLiteral("shpss_") + derive("app-secret", seed);
    m_credentials.apiVersion = apiVersion;
    m_webhooks = new WebhookDispatcher(
        clock, m_credentials.webhookSecret.toUtf8(), m_credentials.shopDomain, seed, this);
    m_activity = std::make_unique<ShopifyActivity>(
        m_store,
        clock,
        seed,
        [this](const QString &topic, const QByteArray &body) { m_webhooks->publish(topic, body); },
        [this] { return m_injector.faults().clockSkewMs; });
    applyFaults(faults);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &ShopifyService::onTick);
}

ShopifyService::~ShopifyService() = default;

void ShopifyService::applyFaults(const ShopifyFaults &faults)
{
    m_faults = faults;
    m_injector.setFaults(faults.http);
    m_bucket.setKnob(faults.throttle);
    m_webhooks->setFaults(faults.webhooks);
    m_webhooks->setClockSkew(faults.http.clockSkewMs);
}

void ShopifyService::start(bool business)
{
    if (business) {
        m_tick.start();
    }
}

void ShopifyService::onTick()
{
    const qint64 before = m_activity->ordersCreated();
    m_activity->tick(m_faults.countDriftPerHour);
    if (m_activity->ordersCreated() != before) {
        emit stateChanged();
    }
}

void ShopifyService::mount(QHttpServer &server)
{
    server.route(
        QStringLiteral("/admin/api/<arg>/graphql.json"),
        QHttpServerRequest::Method::Post,
        [this](const QString &version,
               const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            ++m_requests;
            const FaultDecision decision = m_injector.decide();
            if (decision.kind == FaultDecision::Kind::Down
                || decision.kind == FaultDecision::Kind::ServerError) {
                HttpReply::send(std::move(responder), decision, HttpReply::failure(decision));
                return;
            }
            GraphQlEndpoint endpoint(GraphQlEndpoint::Parts{m_store,
                                                            m_bucket,
                                                            m_idempotency,
                                                            *m_webhooks,
                                                            *m_activity,
                                                            m_clock,
                                                            m_credentials.accessToken.toUtf8(),
                                                            m_injector.faults().clockSkewMs});
            bool changed = false;
            HttpAnswer answer = endpoint.handle(
                GraphQlRequest{version, request.value("X-Shopify-Access-Token"), request.body()},
                &changed);
            if (changed) {
                emit stateChanged();
            }
            HttpReply::send(std::move(responder), decision, std::move(answer));
        });
}

QJsonObject ShopifyService::inspectState(const QUrlQuery &query) const
{
    const QString sku = query.queryItemValue(QStringLiteral("sku"));
    QJsonArray levels;
    if (!sku.isEmpty()) {
        const int v = m_store.variantBySku(sku);
        for (int l = 0; v >= 0 && l < m_store.locations.size(); ++l) {
            QJsonObject quantities;
            const ShopLevel &level = m_store.level(v, l);
            for (int n = 0; n <= int(Core::QuantityName::OnHand); ++n) {
                const auto name = static_cast<Core::QuantityName>(n);
                quantities.insert(Core::quantityNameKey(name),
                                  QJsonValue(level.quantities.get(name)));
            }
            levels.append(QJsonObject{
                {QStringLiteral("location"), m_store.locations.at(l).code},
                {QStringLiteral("locationId"),
                 ShopifyFormat::gid(QStringLiteral("Location"), m_store.locations.at(l).id)},
                {QStringLiteral("inventoryItemId"),
                 ShopifyFormat::gid(QStringLiteral("InventoryItem"),
                                    m_store.variants.at(v).itemId)},
                {QStringLiteral("quantities"), quantities},
                {QStringLiteral("updatedAt"), ShopifyFormat::graphqlTime(level.updatedAt)}});
        }
    }
    qint64 available = 0;
    qint64 committed = 0;
    for (int v = 0; v < m_store.variants.size(); ++v) {
        for (int l = 0; l < m_store.locations.size(); ++l) {
            available += m_store.level(v, l).quantities.available();
            committed += m_store.level(v, l).quantities.committed();
        }
    }
    QJsonArray locations;
    for (const ShopLocation &l : m_store.locations) {
        locations.append(QJsonObject{
            {QStringLiteral("code"), l.code},
            {QStringLiteral("id"), ShopifyFormat::gid(QStringLiteral("Location"), l.id)},
            {QStringLiteral("name"), l.name}});
    }
    return {{QStringLiteral("shopDomain"), m_credentials.shopDomain},
            {QStringLiteral("products"), int(m_store.products.size())},
            {QStringLiteral("variants"), int(m_store.variants.size())},
            {QStringLiteral("locations"), locations},
            {QStringLiteral("companies"), int(m_store.companies.size())},
            {QStringLiteral("companyLocations"), int(m_store.companyLocations.size())},
            {QStringLiteral("priceLists"), int(m_store.priceLists.size())},
            {QStringLiteral("orders"), int(m_store.orders.size())},
            {QStringLiteral("totalAvailable"), QJsonValue(available)},
            {QStringLiteral("totalCommitted"), QJsonValue(committed)},
            {QStringLiteral("driftEvents"), QJsonValue(m_activity->driftEvents())},
            {QStringLiteral("requests"), QJsonValue(m_requests)},
            {QStringLiteral("faults"), m_faults.toJson()},
            {QStringLiteral("levels"), levels}};
}

QJsonObject ShopifyService::inspectIdempotency(const QString &key) const
{
    if (!key.isEmpty()) {
        const IdempotencyStore::Record *record = m_idempotency.find(key);
        return record == nullptr
                   ? QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("known"), false}}
                   : m_idempotency.recordJson(*record);
    }
    return {{QStringLiteral("keys"), m_idempotency.toJson()}};
}

QJsonObject ShopifyService::inspectWebhooks(int limit) const
{
    return m_webhooks->inspect(limit);
}

QJsonObject ShopifyService::inspectThrottle()
{
    return {{QStringLiteral("throttledRequests"), QJsonValue(m_bucket.throttledCount())},
            {QStringLiteral("acceptedRequests"), QJsonValue(m_bucket.acceptedCount())},
            {QStringLiteral("throttleStatus"), m_bucket.throttleStatus()},
            {QStringLiteral("knob"), m_bucket.knob().toJson()}};
}

Core::Result<QJsonObject> ShopifyService::control(const QJsonObject &command)
{
    const QString action = command.value(QStringLiteral("action")).toString();
    const auto fail = [](const QString &message) {
        return Core::makeError(Core::ErrorCode::Validation, message);
    };
    QJsonObject result{{QStringLiteral("action"), action}};
    if (action == u"setLevel") {
        const int v = m_store.variantBySku(command.value(QStringLiteral("sku")).toString());
        int l = -1;
        for (int i = 0; i < m_store.locations.size(); ++i) {
            if (m_store.locations.at(i).code
                == command.value(QStringLiteral("location")).toString()) {
                l = i;
            }
        }
        const auto name = Core::quantityNameFromKey(
            command.value(QStringLiteral("name")).toString(QStringLiteral("available")));
        if (v < 0 || l < 0 || !name || *name == Core::QuantityName::OnHand
            || !command.value(QStringLiteral("quantity")).isDouble()) {
            return fail(
                tr("setLevel needs a known sku, a location code, a stored quantity name and "
                   "a numeric quantity."));
        }
        ShopLevel &level = m_store.level(v, l);
        level.quantities.set(*name, command.value(QStringLiteral("quantity")).toInteger());
        level.updatedAt = m_clock.now();
        if (!command.value(QStringLiteral("silent")).toBool()) {
            m_activity->levelChanged(v, l);
        }
    } else if (action == u"createOrder") {
        const int i = m_activity->createOrder(command.value(QStringLiteral("b2b")).toBool());
        if (i < 0) {
            return fail(tr("No stock left to create an order from."));
        }
        result.insert(QStringLiteral("orderId"),
                      ShopifyFormat::gid(QStringLiteral("Order"), m_store.orders.at(i).id));
        result.insert(QStringLiteral("name"),
                      QStringLiteral("#%1").arg(m_store.orders.at(i).number));
    } else if (action == u"fulfillOrder") {
        result.insert(QStringLiteral("order"), m_activity->fulfilOldest());
    } else if (action == u"refundOrder") {
        result.insert(QStringLiteral("order"), m_activity->refundOne());
    } else if (action == u"updateProduct") {
        result.insert(QStringLiteral("product"), m_activity->touchProduct());
    } else if (action == u"createCompany") {
        const int c = m_activity->createCompany();
        result.insert(QStringLiteral("companyId"),
                      ShopifyFormat::gid(QStringLiteral("Company"), m_store.companies.at(c).id));
    } else if (action == u"updateCompany") {
        result.insert(QStringLiteral("company"), m_activity->touchCompany());
    } else if (action == u"receiveStock") {
        result.insert(QStringLiteral("variant"), m_activity->receiveStock());
    } else if (action == u"drift") {
        result.insert(QStringLiteral("drifted"), m_activity->drift());
    } else if (action == u"setFaults") {
        KnobReader reader(command.value(QStringLiteral("faults")).toObject(),
                          QStringLiteral("shopify"));
        const ShopifyFaults faults = ShopifyFaults::read(reader);
        if (const Core::Status status = reader.finish(); !status.ok()) {
            return status.error();
        }
        applyFaults(faults);
        result.insert(QStringLiteral("faults"), faults.toJson());
    } else {
        return fail(tr("Unknown Shopify action \"%1\". Known: setLevel, createOrder, fulfillOrder, "
                       "refundOrder, updateProduct, createCompany, updateCompany, receiveStock, "
                       "drift, setFaults.")
                        .arg(action));
    }
    emit stateChanged();
    return result;
}

QJsonObject ShopifyService::saveState() const
{
    return {{QStringLiteral("seed"), QJsonValue(qint64(m_seed))},
            {QStringLiteral("store"), m_store.saveState()},
            {QStringLiteral("idempotency"), m_idempotency.toJson()},
            {QStringLiteral("webhooks"), m_webhooks->saveState()}};
}

Core::Status ShopifyService::loadState(const QJsonObject &state)
{
    if (state.value(QStringLiteral("seed")).toInteger() != qint64(m_seed)) {
        return Core::makeError(
            Core::ErrorCode::Validation,
            tr("The data directory holds a shop seeded with %1, not %2; use that "
               "seed or another directory.")
                .arg(state.value(QStringLiteral("seed")).toInteger())
                .arg(m_seed));
    }
    QString error;
    if (!m_store.loadState(state.value(QStringLiteral("store")).toObject(), &error)) {
        return Core::makeError(Core::ErrorCode::Validation, error);
    }
    m_idempotency.load(state.value(QStringLiteral("idempotency")).toArray());
    m_webhooks->loadState(state.value(QStringLiteral("webhooks")).toObject());
    return Core::success();
}

} // namespace Ledgerdesk::Sandbox
