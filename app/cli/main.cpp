#include <app/cli/cli.h>
#include <core/diagnostics.h>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ledgerdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    Ledgerdesk::Core::quietDiagnosticsUnlessAsked();
    return Ledgerdesk::Cli::run(QCoreApplication::arguments());
}
