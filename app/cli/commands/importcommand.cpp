#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/domain/money.h>
#include <core/importing/inventoryimporter.h>
#include <core/importing/locationimporter.h>
#include <core/importing/productimporter.h>

#include <QElapsedTimer>
#include <QFileInfo>

#include <memory>

namespace Ledgerdesk::Cli {

namespace {

// Long imports report progress on stderr about once a second; short ones stay quiet.
class ProgressPrinter final
{
public:
    explicit ProgressPrinter(QTextStream &err)
        : m_err(err)
    {
        m_timer.start();
    }

    bool operator()(qint64 done, qint64 total)
    {
        if (total <= 0 || m_timer.elapsed() < m_nextMs) {
            return true;
        }
        m_nextMs = m_timer.elapsed() + 1000;
        m_err << "  " << (done * 100 / total) << "% ("
              << (done * 100 / total >= 50 ? "applying" : "checking") << ")\n";
        m_err.flush();
        return true;
    }

private:
    QTextStream &m_err;
    QElapsedTimer m_timer;
    qint64 m_nextMs = 1000;
};

} // namespace

int importCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption applyValid(
        QStringLiteral("apply-valid-rows"),
        QStringLiteral(
            "Apply the good rows of a file that has bad ones (default: apply nothing)."));
    const QCommandLineOption createLocations(
        QStringLiteral("create-locations"),
        QStringLiteral("inventory: create unknown locations (as warehouses) instead of failing."));
    const QCommandLineOption currency(QStringLiteral("currency"),
                                      QStringLiteral("products: currency of the prices."),
                                      QStringLiteral("code"),
                                      QStringLiteral("USD"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Check the file and report; change nothing."));
    const QCommandLineOption actor(QStringLiteral("actor"),
                                   QStringLiteral("Who is importing."),
                                   QStringLiteral("actor"),
                                   qEnvironmentVariable("USER", QStringLiteral("cli")));
    parser.addOptions({applyValid, createLocations, currency, dryRun, actor});
    parser.addPositionalArgument(QStringLiteral("kind"),
                                 QStringLiteral("products, inventory or locations"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The CSV file."));
    if (const int stop = context.parse(
            parser,
            arguments,
            QStringLiteral("Import a Shopify product or inventory CSV, or a locations CSV "
                           "(Code,Name,Kind).\nEach bad row is reported as file:line: reason; a "
                           "file with bad rows changes nothing unless --apply-valid-rows is "
                           "given.\nExit codes: 0 all rows applied, 1 bad rows, 2 usage, 3 "
                           "storage."));
        stop >= 0) {
        return stop;
    }
    const QStringList positional = parser.positionalArguments();
    const QStringList kinds{
        QStringLiteral("products"), QStringLiteral("inventory"), QStringLiteral("locations")};
    if (positional.size() != 2 || !kinds.contains(positional[0])) {
        context.err() << "usage: ledgerdesk-cli import products|inventory|locations FILE\n";
        return ExitUsage;
    }
    const QString kind = positional[0];
    const QString file = positional[1];
    if (!QFileInfo(file).isFile()) {
        context.err() << file << ": no such file\n";
        return ExitUsage;
    }
    if (!Core::Money::isCurrencyCode(parser.value(currency))) {
        context.err() << "\"" << parser.value(currency) << "\" is not a currency code\n";
        return ExitUsage;
    }
    Core::Store *store = context.openStore();
    if (!store) {
        return ExitStorage;
    }
    Core::ImportOptions options;
    options.applyValidRows = parser.isSet(applyValid);
    options.createLocations = parser.isSet(createLocations);
    options.currency = parser.value(currency);
    options.dryRun = parser.isSet(dryRun);
    options.actor = parser.value(actor);
    auto progress = std::make_shared<ProgressPrinter>(context.err());
    options.progress = [progress](qint64 done, qint64 total) { return (*progress)(done, total); };
    Core::Result<Core::ImportReport> report = Core::ImportReport{};
    if (kind == QLatin1String("products")) {
        report = Core::ProductImporter(*store).importFile(file, options);
    } else if (kind == QLatin1String("inventory")) {
        report = Core::InventoryImporter(*store).importFile(file, options);
    } else {
        report = Core::LocationImporter(*store).importFile(file, options);
    }
    if (!report) {
        context.err() << "import failed: " << report.error().message << '\n';
        return report.error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
    }
    for (const Core::ImportIssue &issue : report.value().issues) {
        context.err() << issue.toString() << '\n';
    }
    context.out() << report.value().summary() << '\n';
    return report.value().hasIssues() ? ExitFailed : ExitOk;
}

} // namespace Ledgerdesk::Cli
