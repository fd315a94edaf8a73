#include "shopifyconnector.h"

#include <core/connectors/shopify/shopifyb2bsync.h>
#include <core/connectors/shopify/shopifycatalogmapper.h>
#include <core/connectors/shopify/shopifyfulfilmentpusher.h>
#include <core/connectors/shopify/shopifylevelsync.h>
#include <core/connectors/shopify/shopifyorderpull.h>
#include <core/connectors/shopify/shopifypusher.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/secretstore.h>

#include <QLoggingCategory>

namespace Ledgerdesk::Core {

Q_LOGGING_CATEGORY(lcShopifyConnector, "ledgerdesk.core.shopify")

namespace {

const QString kSystem = QStringLiteral("shopify");

} // namespace

ShopifyConnector::ShopifyConnector(Store &store,
                                   SecretStore &secrets,
                                   ConnectionSettings settings,
                                   QObject *parent)
    : Connector(store, parent)
    , m_secrets(secrets)
    , m_settings(std::move(settings))
{}

ShopifyConnector::~ShopifyConnector() = default;

QString ShopifyConnector::system() const
{
    return kSystem;
}

Status ShopifyConnector::open()
{
    QString url = m_settings.options.value(QStringLiteral("graphqlUrl")).toString();
    const QString version = m_settings.options.value(QStringLiteral("apiVersion")).toString();
    const QString base = m_settings.options.value(QStringLiteral("baseUrl")).toString();
    if (url.isEmpty() && !base.isEmpty() && !version.isEmpty()) {
        url = base + QStringLiteral("/admin/api/%1/graphql.json").arg(version);
    }
    const QUrl graphqlUrl(url);
    if (!graphqlUrl.isValid() || graphqlUrl.scheme().isEmpty() || graphqlUrl.host().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("the Shopify connection has no valid graphqlUrl (\"%1\")").arg(url));
    }
    auto token = m_secrets.read(kSystem + QStringLiteral("/accessToken"));
    if (!token) {
        return token.error();
    }
    if (token.value().isEmpty()) {
        return makeError(ErrorCode::Unauthorized,
                         tr("no Shopify access token is stored for this connection"));
    }
    ShopifyClientOptions options;
    options.graphqlUrl = graphqlUrl;
    options.accessToken = token.value();
    m_client = std::make_unique<ShopifyGraphqlClient>(options);
    auto shop = m_client->execute(QStringLiteral("{ shop { name } }"), {}, 1);
    if (!shop) {
        if (shop.error().code == ErrorCode::Unauthorized) {
            raiseAuthentication(shop.error().message);
        }
        return shop.error();
    }
    return success();
}

void ShopifyConnector::close()
{
    m_client.reset();
    Connector::close();
}

void ShopifyConnector::raiseAuthentication(const QString &message)
{
    QSqlDatabase db = store().connection();
    WriteTransaction tx(db, store().dialect());
    if (!tx.begun()) {
        return;
    }
    SyncException e;
    e.kind = ExceptionKind::AuthenticationFailure;
    e.system = kSystem;
    e.entity = QStringLiteral("connection");
    e.entityKey = m_settings.options.value(QStringLiteral("shopDomain")).toString(kSystem);
    e.errorText = message;
    if (auto raised = ExceptionStore::raise(db, e, nowUtcMillis()); !raised) {
        qCWarning(lcShopifyConnector) << "could not raise:" << raised.error().message;
        return;
    }
    if (const Status committed = tx.commit(); !committed) {
        qCWarning(lcShopifyConnector) << "could not raise:" << committed.error().message;
    }
}

Status ShopifyConnector::cycle(SyncCycleReport &report)
{
    ShopifyIndex index;
    ShopifyCatalogMapper mapper(store(), *m_client);
    if (const Status mapped = mapper.mapLocations(index, report); !mapped) {
        return mapped;
    }
    if (const Status mapped = mapper.mapItems(index, report); !mapped) {
        return mapped;
    }
    // Order intake is opted into with "pullOrders"; B2B data ("b2b", on by default) comes first
    // so an order's buyer is known. Orders before levels: Shopify moved the ordered units from
    // available to committed when the order was placed, and allocating first makes the ledger
    // agree before levels compare.
    const bool orders = m_settings.options.value(QStringLiteral("pullOrders")).toBool(false);
    const bool b2b = orders || m_settings.options.value(QStringLiteral("b2b")).toBool(true);
    if (orders) {
        if (const Status pulled = ShopifyB2BSync(store(), *m_client).run(report); !pulled) {
            return pulled;
        }
        if (const Status pulled = ShopifyOrderPull(store(), *m_client).run(report); !pulled) {
            return pulled;
        }
    }
    if (const Status synced = ShopifyLevelSync(store(), *m_client, index).run(report); !synced) {
        return synced;
    }
    if (const Status pushed = ShopifyPusher(store(), *m_client, index).drain(report); !pushed) {
        return pushed;
    }
    if (const Status pushed = ShopifyFulfilmentPusher(store(), *m_client).drain(report); !pushed) {
        return pushed;
    }
    // Without order intake the B2B pull goes last, so inventory never waits for it.
    return b2b && !orders ? ShopifyB2BSync(store(), *m_client).run(report) : success();
}

SyncCycleReport ShopifyConnector::runCycle()
{
    SyncCycleReport report;
    report.system = kSystem;
    report.startedAt = nowUtcMillis();
    if (!m_client) {
        report.error = tr("the Shopify connection is not open");
    } else if (const Status done = cycle(report); !done) {
        report.fail(done.error());
        if (done.error().code == ErrorCode::Unauthorized) {
            raiseAuthentication(done.error().message);
        }
        qCWarning(lcShopifyConnector) << "cycle failed:" << report.error;
    }
    report.finishedAt = nowUtcMillis();
    return report;
}

} // namespace Ledgerdesk::Core
