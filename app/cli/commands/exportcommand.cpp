#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/exporting/inventoryexporter.h>
#include <core/exporting/locationexporter.h>
#include <core/exporting/movementexporter.h>
#include <core/exporting/productexporter.h>

#include <QFile>
#include <QSaveFile>

namespace Ledgerdesk::Cli {

int exportCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("Write to FILE instead of standard output."),
                                    QStringLiteral("file"));
    const QCommandLineOption fillNew(
        QStringLiteral("fill-on-hand-new"),
        QStringLiteral("inventory: repeat the current on hand in \"On hand (new)\", so the file "
                       "imports as is."));
    parser.addOptions({output, fillNew});
    parser.addPositionalArgument(QStringLiteral("kind"),
                                 QStringLiteral("products, inventory, movements or locations"));
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("Export the catalogue as a Shopify product CSV, balances as a Shopify "
                           "inventory CSV, locations (Code,Name,Kind) or every movement."));
        stop >= 0) {
        return stop;
    }
    const QStringList positional = parser.positionalArguments();
    const QStringList kinds{QStringLiteral("products"),
                            QStringLiteral("inventory"),
                            QStringLiteral("movements"),
                            QStringLiteral("locations")};
    if (positional.size() != 1 || !kinds.contains(positional[0])) {
        context.err() << "usage: ledgerdesk-cli export products|inventory|movements|locations "
                         "[--output FILE]\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    // A file is replaced only once it is complete; stdout is written as we go.
    QSaveFile file(parser.value(output));
    QFile stdoutFile;
    QIODevice *device = &file;
    if (parser.isSet(output)) {
        if (!file.open(QIODevice::WriteOnly)) {
            context.err() << "cannot write " << parser.value(output) << ": " << file.errorString()
                          << '\n';
            return ExitFailed;
        }
    } else {
        context.out().flush();
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            context.err() << "cannot write to standard output\n";
            return ExitFailed;
        }
        device = &stdoutFile;
    }
    const QString kind = positional[0];
    Core::Result<qint64> rows = qint64(0);
    if (kind == QLatin1String("products")) {
        rows = Core::ProductExporter(*store).write(*device);
    } else if (kind == QLatin1String("inventory")) {
        rows = Core::InventoryExporter(*store).write(*device, parser.isSet(fillNew));
    } else if (kind == QLatin1String("movements")) {
        rows = Core::MovementExporter(*store).write(*device);
    } else {
        rows = Core::LocationExporter(*store).write(*device);
    }
    if (!rows) {
        context.err() << "export failed: " << rows.error().message << '\n';
        return rows.error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
    }
    if (parser.isSet(output)) {
        if (!file.commit()) {
            context.err() << "cannot write " << parser.value(output) << ": " << file.errorString()
                          << '\n';
            return ExitFailed;
        }
        context.out() << "wrote " << rows.value() << " " << kind << " rows to "
                      << parser.value(output) << '\n';
    } else {
        stdoutFile.flush();
    }
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
