#include <core/store/defaultpaths.h>
#include <core/store/store.h>
#include <ui/mainwindow.h>

#include <QApplication>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char **argv)
{
    const bool hasDisplay = !qEnvironmentVariableIsEmpty("DISPLAY")
                            || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
                            || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!hasDisplay) {
        std::fprintf(stderr,
                     "ledgerdesk: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "Run it under a virtual display:  xvfb-run -a ledgerdesk\n"
                     "or headless:                      QT_QPA_PLATFORM=offscreen ledgerdesk\n");
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QApplication::setApplicationName(QStringLiteral("ledgerdesk"));
    QApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));

    Ledgerdesk::Core::Store store(
        Ledgerdesk::Core::StoreConfig::sqlite(Ledgerdesk::Core::defaultLedgerPath()));
    if (const auto opened = store.open(); !opened) {
        QMessageBox::critical(
            nullptr,
            QObject::tr("Ledgerdesk"),
            QObject::tr("The ledger could not be opened:\n%1").arg(opened.error().message));
        return 3;
    }
    Ledgerdesk::Ui::MainWindow window(store);
    window.show();
    return QApplication::exec();
}
