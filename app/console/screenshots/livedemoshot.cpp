#include "livedemoshot.h"

#include <app/console/consolesession.h>
#include <app/console/demolauncher.h>
#include <core/store/store.h>
#include <core/sync/secretstore.h>
#include <ui/mainwindow.h>
#include <ui/widgets/connectionstatuswidget.h>

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QImage>

#include <cstdio>
#include <functional>

namespace Ledgerdesk::Console {

namespace {

void waitFor(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    const QDeadlineTimer deadline(limit);
    while (!done() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
}

} // namespace

bool shootLiveDemo(const QSize &size, const QString &file, std::chrono::milliseconds settle)
{
    Core::Store store(Core::StoreConfig::sqlite(QStringLiteral("live-demo-ledger.db")));
    if (const auto opened = store.open(); !opened) {
        std::fprintf(stderr, "ledgerdesk-screenshots: %s\n", qPrintable(opened.error().message));
        return false;
    }
    Core::InMemorySecretStore secrets;
    ConsoleSession session(store, secrets);
    DemoLauncher demo(store, session);
    Ui::MainWindow window(store, session.controller());
    QObject::connect(&demo, &DemoLauncher::stateChanged, &window, [&](bool, const QString &text) {
        window.connectionStatus()->setNotice(text, demo.phase() == DemoLauncher::Phase::Failed);
    });
    window.resize(size);
    window.show();
    QElapsedTimer clock;
    clock.start();
    demo.start();
    waitFor([&] { return demo.firstSyncMs() >= 0 || demo.phase() == DemoLauncher::Phase::Failed; },
            std::chrono::seconds(60));
    if (demo.firstSyncMs() < 0) {
        std::fprintf(stderr,
                     "ledgerdesk-screenshots: the live demo did not sync: %s\n",
                     qPrintable(demo.statusText()));
        return false;
    }
    std::fprintf(stdout, "live demo: first Shopify sync %lld ms after start\n", demo.firstSyncMs());
    waitFor([] { return false; }, settle);
    bool saved = window.grab().toImage().save(file);
    // The same moment seen from the sync health page.
    window.showPage(QStringLiteral("sync-health"));
    waitFor([] { return false; }, std::chrono::milliseconds(500));
    QString healthFile = file;
    healthFile.replace(QStringLiteral(".png"), QStringLiteral("-sync-health.png"));
    saved = window.grab().toImage().save(healthFile) && saved;
    session.disconnectAll(std::chrono::seconds(3));
    demo.stop();
    return saved;
}

} // namespace Ledgerdesk::Console
