#include "consoleoptions.h"

#include <core/demo/demoseeder.h>
#include <core/diagnostics.h>
#include <core/store/defaultpaths.h>
#include <core/store/store.h>
#include <ui/mainwindow.h>
#include <ui/translators.h>

#include <QApplication>
#include <QMessageBox>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

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

} // namespace

int main(int argc, char **argv)
{
    using namespace Ledgerdesk;
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

    std::unique_ptr<QTemporaryDir> demoFolder;
    QString path = options.ledgerPath.isEmpty() ? Core::defaultLedgerPath() : options.ledgerPath;
    if (options.demo) {
        demoFolder = std::make_unique<QTemporaryDir>();
        if (!demoFolder->isValid()) {
            return fail(QObject::tr("No temporary folder for the demo ledger: %1")
                            .arg(demoFolder->errorString()));
        }
        path = demoFolder->filePath(QStringLiteral("demo-ledger.db"));
    }
    Core::Store store(Core::StoreConfig::sqlite(path));
    if (const auto opened = store.open(); !opened) {
        return fail(QObject::tr("The ledger could not be opened:\n%1").arg(opened.error().message));
    }
    if (options.demo) {
        if (const auto seeded = Core::seedDemoLedger(store); !seeded) {
            return fail(QObject::tr("The demo ledger could not be created:\n%1")
                            .arg(seeded.error().message));
        }
    }
    Ui::MainWindow window(store);
    window.show();
    return QApplication::exec();
}
