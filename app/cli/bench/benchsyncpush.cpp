#include "benchsync.h"

#include <app/cli/bench/benchtable.h>
#include <app/cli/bench/latency.h>
#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <app/support/webhookreceiver.h>
#include <core/catalog/catalog.h>
#include <core/connectors/shopify/shopifycatalogmapper.h>
#include <core/connectors/shopify/shopifyconnector.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifylevelsync.h>
#include <core/connectors/shopify/shopifypusher.h>
#include <core/connectors/shopify/shopifywebhookingest.h>
#include <core/demo/demoseeder.h>
#include <core/ledger/ledger.h>
#include <core/store/sql.h>
#include <core/store/store.h>
#include <core/sync/inventorykey.h>
#include <core/sync/outbox.h>
#include <core/sync/ownershipmap.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

namespace Ledgerdesk::Cli {

using namespace Core;

namespace {

constexpr double kStandardRestoreRate = 100;
constexpr double kStandardMaximum = 1000;
constexpr double kMutationCost = 10;

void sleepMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

Status BenchSync::measurePush()
{
    // One ledger change per linked level: each becomes one outbox row.
    auto q = runQuery(m_store->connection(),
                      QStringLiteral("SELECT entity_key FROM sync_values WHERE system = 'shopify' "
                                     "AND entity = 'inventory' ORDER BY entity_key LIMIT ?"),
                      {m_options.pushRows});
    if (!q) {
        return q.error();
    }
    QStringList keys;
    while (q.value().next()) {
        keys << q.value().value(0).toString();
    }
    q.value().finish();
    if (keys.size() < m_options.pushRows) {
        m_notes << QStringLiteral("push: the shop links only %1 levels, so %1 rows instead of %2")
                       .arg(keys.size())
                       .arg(m_options.pushRows);
    }
    Catalog catalog(*m_store);
    QHash<QString, LocationId> locations;
    QList<PostingRequest> requests;
    for (const QString &text : keys) {
        const auto key = InventoryKey::parse(text);
        if (!key) {
            continue;
        }
        if (!locations.contains(key->locationCode)) {
            auto location = catalog.locationByCodeOrName(key->locationCode);
            if (!location || !location.value()) {
                return makeError(ErrorCode::Validation,
                                 QStringLiteral("no location %1").arg(key->locationCode));
            }
            locations.insert(key->locationCode, location.value()->id);
        }
        auto variant = catalog.variantBySku(key->sku);
        if (!variant || !variant.value()) {
            return makeError(ErrorCode::Validation, QStringLiteral("no SKU %1").arg(key->sku));
        }
        PostingRequest request;
        request.source = QStringLiteral("bench");
        request.reference = QStringLiteral("push-%1").arg(requests.size());
        request.reason = MovementReason::Adjustment;
        request.actor = QStringLiteral("bench");
        MovementLine line{variant.value()->id, locations.value(key->locationCode), {}};
        line.delta.set(QuantityName::Available, 1);
        request.lines = {line};
        requests << request;
    }
    Ledger ledger(*m_store);
    for (qsizetype at = 0; at < requests.size(); at += 1000) {
        if (auto posted = ledger.postBatch(requests.mid(at, 1000)); !posted) {
            return posted.error();
        }
    }
    ShopifyClientOptions clientOptions;
    clientOptions.graphqlUrl
        = QUrl(m_connection[QStringLiteral("systems")][QStringLiteral("shopify")]
                           [QStringLiteral("graphqlUrl")]
                               .toString());
    auto token = m_secrets.read(QStringLiteral("shopify/accessToken"));
    if (!token) {
        return token.error();
    }
    clientOptions.accessToken = token.value();
    ShopifyGraphqlClient client(clientOptions);
    ShopifyIndex index;
    SyncCycleReport queued;
    ShopifyCatalogMapper mapper(*m_store, client);
    if (const Status mapped = mapper.mapLocations(index, queued); !mapped) {
        return mapped;
    }
    if (const Status mapped = mapper.mapItems(index, queued); !mapped) {
        return mapped;
    }
    // The level sync turns the ledger changes into outbox rows; the pusher drains them below.
    if (const Status scanned = ShopifyLevelSync(*m_store, client, index).run(queued); !scanned) {
        return scanned;
    }
    Outbox outbox(*m_store);
    auto backlog = outbox.backlog(QStringLiteral("shopify"));
    if (!backlog) {
        return backlog.error();
    }
    const qint64 rows = backlog.value().pending;

    if (const Status standard = control(
            {{QStringLiteral("system"), QStringLiteral("shopify")},
             {QStringLiteral("action"), QStringLiteral("setFaults")},
             {QStringLiteral("faults"),
              QJsonObject{{QStringLiteral("throttle"),
                           QJsonObject{{QStringLiteral("plan"), QStringLiteral("standard")},
                                       {QStringLiteral("maximumAvailable"), kStandardMaximum},
                                       {QStringLiteral("restoreRate"), kStandardRestoreRate}}}}}});
        !standard) {
        return standard;
    }
    auto before = http(QStringLiteral("/_sandbox/throttle"));
    if (!before) {
        return before.error();
    }
    ShopifyGraphqlClient pushClient(clientOptions);
    ShopifyPusher pusher(*m_store, pushClient, index, m_options.pushBatch);
    QElapsedTimer timer;
    timer.start();
    SyncCycleReport report;
    while (true) {
        if (const Status drained = pusher.drain(report); !drained) {
            return drained;
        }
        auto left = outbox.backlog(QStringLiteral("shopify"));
        if (!left) {
            return left.error();
        }
        if (left.value().pending + left.value().inFlight == 0) {
            break;
        }
        if (timer.elapsed() > 1800000) {
            return makeError(ErrorCode::Validation,
                             QStringLiteral("the outbox did not drain within 30 minutes"));
        }
        sleepMs(50); // rows waiting out a retry delay
    }
    const double elapsed = double(timer.nsecsElapsed()) / 1e9;
    auto after = http(QStringLiteral("/_sandbox/throttle"));
    auto oracle = http(QStringLiteral("/_sandbox/idempotency"));
    if (!after || !oracle) {
        return !after ? after.error() : oracle.error();
    }
    qint64 duplicates = 0;
    for (const QJsonValue &record : oracle.value()[QStringLiteral("keys")].toArray()) {
        duplicates += record[QStringLiteral("applied")].toInteger() > 1 ? 1 : 0;
    }
    const qint64 accepted = after.value()[QStringLiteral("acceptedRequests")].toInteger()
                            - before.value()[QStringLiteral("acceptedRequests")].toInteger();
    const qint64 throttled = after.value()[QStringLiteral("throttledRequests")].toInteger()
                             - before.value()[QStringLiteral("throttledRequests")].toInteger();
    const double points = double(accepted) * kMutationCost;
    const double held
        = before.value()[QStringLiteral("throttleStatus")][QStringLiteral("currentlyAvailable")]
              .toDouble(kStandardMaximum);
    const double credit = std::min(points, held);
    const QString section = QStringLiteral("push");
    m_rows << BenchRow::info(
        section,
        QStringLiteral("rows delivered (%1 per mutation)").arg(m_options.pushBatch),
        QStringLiteral("rows"),
        double(report.pushed))
           << BenchRow::info(section, QStringLiteral("drain time"), QStringLiteral("s"), elapsed)
           << BenchRow::info(section,
                             QStringLiteral("points spent (%1 mutations × 10)").arg(accepted),
                             QStringLiteral("pts"),
                             points)
           << BenchRow::info(section,
                             QStringLiteral("of which from the initial credit"),
                             QStringLiteral("pts"),
                             credit);
    if (points > credit) {
        const double utilisation = (points - credit) / (elapsed * kStandardRestoreRate);
        m_rows << BenchRow::info(section,
                                 QStringLiteral("budget unused (1 − utilisation %1)")
                                     .arg(utilisation, 0, 'f', 3),
                                 QStringLiteral("ratio"),
                                 1.0 - utilisation)
                      .target(TargetKind::Absolute, 0.1);
    } else {
        m_notes << QStringLiteral("push: all %1 points fit in the initial %2-point credit, so the "
                                  "refill rate never limited the drain and utilisation is not "
                                  "defined; run with --push-batch 1 to make the bucket the limit")
                       .arg(points)
                       .arg(held);
    }
    m_rows << BenchRow::info(section,
                             QStringLiteral("THROTTLED answers"),
                             QStringLiteral("n"),
                             double(throttled))
                  .target(TargetKind::Absolute, 0)
           << BenchRow::info(section,
                             QStringLiteral("keys applied more than once"),
                             QStringLiteral("n"),
                             double(duplicates))
                  .target(TargetKind::Absolute, 0);
    m_notes << QStringLiteral(
                   "push: %1 rows queued; utilisation = (points − initial credit) / (drain time × "
                   "%2 points/s), the credit being what the bucket held when the drain began")
                   .arg(rows)
                   .arg(kStandardRestoreRate);
    return success();
}

} // namespace Ledgerdesk::Cli
