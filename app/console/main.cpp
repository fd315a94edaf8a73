#include "consoleoptions.h"
#include "consolesession.h"
#include "demolauncher.h"

#include <app/support/keychainsecretstore.h>
#include <app/support/sessionsecretstore.h>
#include <core/diagnostics.h>
#include <core/store/defaultpaths.h>
#include <core/store/store.h>
#include <core/sync/connectionbook.h>
#include <ui/dialogs/firstrundialog.h>
#include <ui/mainwindow.h>
#include <ui/pages/orderspage.h>
#include <ui/pages/pricingpage.h>
#include <ui/pages/settingspage.h>
#include <ui/translators.h>
#include <ui/widgets/connectionstatuswidget.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>

namespace {

using namespace Ledgerdesk;

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ledgerdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int fail(const QString &message)
{
    QMessageBox::critical(nullptr, QObject::tr("Ledgerdesk"), message);
    return 3;
}

// SIGINT/SIGTERM close the window through the event loop, so the demo's sandbox is stopped and
// every connector closes cleanly.
int g_signalFds[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFds[0], &byte, 1);
}

std::unique_ptr<QSocketNotifier> quitOnTermination()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        return nullptr;
    }
    auto notifier = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, qApp, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(g_signalFds[1], &byte, 1);
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return notifier;
}

bool hasSavedConnections(const QString &bookPath)
{
    Core::InMemorySecretStore scratch;
    Core::ConnectionBook book(bookPath);
    return QFileInfo::exists(bookPath) && book.load(scratch) && !book.connections().isEmpty();
}

// The very first start: no ledger chosen, none at the default place, nothing saved.
bool isFirstRun(const Console::ConsoleOptions &options, const QString &bookPath)
{
    return !options.demo && options.ledgerPath.isEmpty() && options.connectionPath.isEmpty()
           && qEnvironmentVariableIsEmpty("LEDGERDESK_LEDGER")
           && !QFileInfo::exists(Core::defaultLedgerPath()) && !hasSavedConnections(bookPath);
}

void connectSavedBook(Console::ConsoleSession &session,
                      Core::SecretStore &secrets,
                      const QString &bookPath,
                      Ui::ConnectionStatusWidget &status)
{
    Core::ConnectionBook book(bookPath);
    if (const Core::Status loaded = book.load(secrets); !loaded) {
        status.setNotice(
            QObject::tr("Saved connections unreadable: %1").arg(loaded.error().message), true);
        return;
    }
    if (book.connections().isEmpty()) {
        session.disconnectAll();
        status.setNotice(QString());
        return;
    }
    const Core::Status connected = session.connectTo(book.toConnectionFile());
    status.setNotice(connected ? QString()
                               : QObject::tr("Not connected: %1").arg(connected.error().message),
                     !connected);
}

} // namespace

int main(int argc, char **argv)
{
    Console::ConsoleOptions options;
    {
        // Options are read before the GUI starts so --help and --version need no display.
        QCoreApplication parsing(argc, argv);
        setApplicationNames();
        options = Console::ConsoleOptions::parse(QCoreApplication::arguments());
    }
    if (!hasDisplay()) {
        std::fprintf(stderr,
                     "ledgerdesk: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "Run it under a virtual display:  xvfb-run -a ledgerdesk\n"
                     "or headless:                      QT_QPA_PLATFORM=offscreen ledgerdesk\n");
        return 2;
    }
    QApplication app(argc, argv);
    setApplicationNames();
    Core::quietDiagnosticsUnlessAsked();
    Ui::installTranslators();
    const auto termination = quitOnTermination();

    const QString bookPath = Core::defaultConnectionBookPath();
    if (isFirstRun(options, bookPath)) {
        Ui::FirstRunDialog welcome;
        if (welcome.exec() != QDialog::Accepted) {
            return 0;
        }
        options.demo = welcome.choice() == Ui::FirstRunDialog::Choice::LiveDemo;
        if (welcome.choice() == Ui::FirstRunDialog::Choice::OpenFile) {
            options.ledgerPath = welcome.ledgerPath();
        }
    }

    std::unique_ptr<QTemporaryDir> demoFolder;
    QString path = options.ledgerPath.isEmpty() ? Core::defaultLedgerPath() : options.ledgerPath;
    if (options.demo) {
        demoFolder = std::make_unique<QTemporaryDir>();
        if (!demoFolder->isValid()) {
            return fail(QObject::tr("No temporary folder for the demo ledger: %1")
                            .arg(demoFolder->errorString()));
        }
        path = demoFolder->filePath(QStringLiteral("demo-ledger.db"));
    } else {
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const auto opened = store.open(); !opened) {
        return fail(QObject::tr("The ledger could not be opened:\n%1").arg(opened.error().message));
    }

    QJsonObject connection;
    QString connectionError;
    if (!options.connectionPath.isEmpty()) {
        auto read = Console::ConsoleSession::readConnectionFile(options.connectionPath);
        if (read) {
            connection = read.value();
        } else {
            connectionError = read.error().message;
        }
    }
    // Secrets that came in a file (the demo's, or --connection's) stay in memory; saved
    // connections keep theirs in the keychain.
    const bool memoryOnly = options.demo || Console::ConsoleSession::carriesSecrets(connection);
    App::SessionSecretStore secrets(memoryOnly ? nullptr
                                               : std::make_unique<App::KeychainSecretStore>());
    Console::ConsoleSession session(store, secrets);
    Console::DemoLauncher demo(store, session);

    Ui::MainWindow window(store, session.controller());
    Ui::ConnectionStatusWidget &status = *window.connectionStatus();
    window.addPage(new Ui::OrdersPage(store, &window));
    window.addPage(new Ui::PricingPage(store, &window));
    auto *settings = new Ui::SettingsPage(store, secrets, bookPath, &window);
    window.addPage(settings);
    window.setLiveRefresh(settings, false); // it holds edits; it reads when asked
    QObject::connect(&demo,
                     &Console::DemoLauncher::stateChanged,
                     &window,
                     [&](bool running, const QString &text) {
                         status.setNotice(text,
                                          demo.phase() == Console::DemoLauncher::Phase::Failed);
                         settings->setDemoState(running, text);
                     });
    QObject::connect(settings, &Ui::SettingsPage::demoStartRequested, &window, [&] {
        if (options.demo) {
            demo.start();
            return;
        }
        // The demo has a ledger of its own; this one is never filled with sample data.
        const bool started = QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                                     {QStringLiteral("--demo")});
        settings->setDemoState(false,
                               started ? QObject::tr("The live demo opened in a window of its own.")
                                       : QObject::tr("The live demo could not be opened."));
    });
    QObject::connect(settings, &Ui::SettingsPage::demoStopRequested, &window, [&] { demo.stop(); });
    QObject::connect(settings, &Ui::SettingsPage::connectionsChanged, &window, [&] {
        if (options.demo) {
            status.setNotice(QObject::tr("Saved connections apply when the console is opened on "
                                         "your ledger, not in the demo."));
            return;
        }
        connectSavedBook(session, secrets, bookPath, status);
    });
    QObject::connect(
        &session,
        &Console::ConsoleSession::webhooksUnavailable,
        &window,
        [&](const QString &reason) {
            status.setToolTip(
                QObject::tr("Shopify webhooks are off (%1); changes arrive by polling.")
                    .arg(reason));
        });
    QObject::connect(&session,
                     &Console::ConsoleSession::connectionFailed,
                     &window,
                     [&](const QString &message) { status.setNotice(message, true); });
    window.show();

    if (options.demo) {
        demo.start();
    } else if (!options.connectionPath.isEmpty()) {
        const Core::Status connected
            = connectionError.isEmpty()
                  ? session.connectTo(connection)
                  : Core::Status(Core::makeError(Core::ErrorCode::Io, connectionError));
        if (!connected) {
            status.setNotice(QObject::tr("Not connected: %1").arg(connected.error().message), true);
        }
    } else {
        connectSavedBook(session, secrets, bookPath, status);
    }

    const int code = QApplication::exec();
    // Closing should not wait long for a system that stopped answering.
    session.disconnectAll(std::chrono::seconds(3));
    demo.stop();
    return code;
}
