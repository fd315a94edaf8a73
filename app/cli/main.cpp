#include <app/cli/cli.h>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ledgerdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    return Ledgerdesk::Cli::run(QCoreApplication::arguments());
}
