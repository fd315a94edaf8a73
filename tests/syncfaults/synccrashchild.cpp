// Pushes a ledger's Shopify outbox until it is empty or the process is killed.
//   ledgerdesk_sync_crash_child <ledger> <graphql url> <access token> <batch size>
// Prints READY once it recovered and mapped, DRAINED when nothing is left.
#include <core/connectors/shopify/shopifycatalogmapper.h>
#include <core/connectors/shopify/shopifygraphqlclient.h>
#include <core/connectors/shopify/shopifypusher.h>
#include <core/store/store.h>
#include <core/sync/outbox.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace Ledgerdesk::Core;

namespace {

int fail(const QString &what)
{
    QTextStream(stdout) << "ERR " << what << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("ledgerdesk.*.debug=false\nledgerdesk.*.info=false"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        return fail(QStringLiteral("usage: ledgerdesk_sync_crash_child <ledger> <graphql url> "
                                   "<access token> <batch size>"));
    }
    Store store(StoreConfig::sqlite(args[1]));
    if (const Status opened = store.open(); !opened) {
        return fail(opened.error().message);
    }
    // Rows a killed predecessor left in flight are pending again; their keys make resending safe.
    Outbox outbox(store);
    if (auto recovered = outbox.recoverInFlight(); !recovered) {
        return fail(recovered.error().message);
    }
    ShopifyClientOptions options;
    options.graphqlUrl = QUrl(args[2]);
    options.accessToken = args[3].toUtf8();
    ShopifyGraphqlClient client(options);
    ShopifyIndex index;
    SyncCycleReport report;
    ShopifyCatalogMapper mapper(store, client);
    if (const Status mapped = mapper.mapLocations(index, report); !mapped) {
        return fail(mapped.error().message);
    }
    if (const Status mapped = mapper.mapItems(index, report); !mapped) {
        return fail(mapped.error().message);
    }
    QTextStream(stdout) << "READY" << Qt::endl;
    ShopifyPusher pusher(store, client, index, args[4].toInt());
    for (int pass = 0; pass < 1000; ++pass) {
        if (const Status drained = pusher.drain(report); !drained) {
            return fail(drained.error().message);
        }
        auto left = outbox.backlog(QStringLiteral("shopify"));
        if (!left) {
            return fail(left.error().message);
        }
        if (left.value().pending + left.value().inFlight == 0) {
            QTextStream(stdout) << "DRAINED " << report.pushed << Qt::endl;
            return 0;
        }
    }
    return fail(QStringLiteral("the outbox did not drain"));
}
