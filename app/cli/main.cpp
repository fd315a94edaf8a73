#include <app/cli/cli.h>

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Ledgerdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ledgerdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEDGERDESK_VERSION));
    // Commands print what matters themselves; diagnostics only on request (QT_LOGGING_RULES).
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("ledgerdesk.*.debug=false\n"
                                                        "ledgerdesk.*.info=false"));
    }
    return Ledgerdesk::Cli::run(QCoreApplication::arguments());
}
