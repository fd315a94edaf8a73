#include "sandboxoptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace Ledgerdesk::Sandbox {

using Core::ErrorCode;
using Core::makeError;

Core::Result<SandboxOptions> SandboxOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Local stand-ins for Shopify, the ERP and the WMS, serving on loopback."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("Port on 127.0.0.1 (0 picks a free one)."),
                                  QStringLiteral("port"),
                                  QStringLiteral("8787"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  tr("Seed for the business and the faults."),
                                  QStringLiteral("seed"),
                                  QStringLiteral("2026"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   tr("Business clock speed: 1 is real time, N is N× faster."),
                                   QStringLiteral("factor"),
                                   QStringLiteral("1"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    tr("JSON file with the fault knobs per system."),
                                    QStringLiteral("file"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Keep state here so it survives a restart."),
                                     QStringLiteral("dir"));
    const QCommandLineOption connection(QStringLiteral("connection-file"),
                                        tr("Write the connection settings the console imports."),
                                        QStringLiteral("file"));
    const QCommandLineOption shop(QStringLiteral("shop"),
                                  tr("Shop name (the NAME in NAME.myshopify.com)."),
                                  QStringLiteral("name"),
                                  QStringLiteral("ledgerdesk-demo"));
    const QCommandLineOption quiet(QStringLiteral("quiet-business"),
                                   tr("Generate no orders or drift on the clock."));
    parser.addOptions({port, seed, speed, faults, dataDir, connection, shop, quiet});
    if (!parser.parse(arguments)) {
        return makeError(ErrorCode::Validation, parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        return makeError(ErrorCode::Validation, parser.helpText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return makeError(ErrorCode::Validation,
                         tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
    }
    SandboxOptions options;
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        return makeError(
            ErrorCode::Validation,
            tr("--port must be a number from 0 to 65535, got \"%1\".").arg(parser.value(port)));
    }
    options.port = static_cast<quint16>(portValue);
    options.seed = parser.value(seed).toUInt(&ok);
    if (!ok) {
        return makeError(
            ErrorCode::Validation,
            tr("--seed must be a non-negative integer, got \"%1\".").arg(parser.value(seed)));
    }
    options.speed = parser.value(speed).toDouble(&ok);
    if (!ok || options.speed <= 0 || options.speed > 1e6) {
        return makeError(ErrorCode::Validation,
                         tr("--speed must be a number above 0 and at most 1000000, got \"%1\".")
                             .arg(parser.value(speed)));
    }
    options.faultsFile = parser.value(faults);
    options.dataDir = parser.value(dataDir);
    options.connectionFile = parser.value(connection);
    options.shopName = parser.value(shop);
    options.quietBusiness = parser.isSet(quiet);
    static const QRegularExpression shopPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,59}$"));
    if (!shopPattern.match(options.shopName).hasMatch()) {
        return makeError(ErrorCode::Validation,
                         tr("--shop must be lowercase letters, digits and dashes, got \"%1\".")
                             .arg(options.shopName));
    }
    return options;
}

} // namespace Ledgerdesk::Sandbox
