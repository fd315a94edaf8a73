#include <app/cli/cli.h>
#include <app/cli/clicontext.h>
#include <core/catalog/catalog.h>
#include <core/demo/democatalog.h>
#include <core/exporting/inventoryexporter.h>
#include <core/exporting/locationexporter.h>
#include <core/exporting/productexporter.h>
#include <core/importing/inventoryimporter.h>
#include <core/importing/locationimporter.h>
#include <core/importing/productimporter.h>
#include <core/io/csvwriter.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace Ledgerdesk::Cli {

namespace {

// The demo business as the three CSV files a shop would hand over; importing them runs the same
// code path as a real onboarding.
Core::Status writeDemoFiles(const Core::DemoCatalog &demo, const QDir &dir)
{
    QFile locations(dir.filePath(QStringLiteral("locations.csv")));
    QFile products(dir.filePath(QStringLiteral("products.csv")));
    QFile inventory(dir.filePath(QStringLiteral("inventory.csv")));
    for (QFile *file : {&locations, &products, &inventory}) {
        if (!file->open(QIODevice::WriteOnly)) {
            return Core::makeError(Core::ErrorCode::Io,
                                   file->fileName() + QStringLiteral(": ") + file->errorString());
        }
    }
    Core::CsvWriter locationWriter(locations);
    Core::CsvWriter productWriter(products);
    Core::CsvWriter inventoryWriter(inventory);
    locationWriter.writeRecord(Core::LocationExporter::header());
    for (const Core::DemoLocation &l : demo.locations()) {
        locationWriter.writeRecord(Core::LocationExporter::row({0, l.code, l.name, l.kind, true}));
    }
    productWriter.writeRecord(Core::ProductExporter::header());
    inventoryWriter.writeRecord(Core::InventoryExporter::header());
    for (int s = 0; s < demo.styles().size(); ++s) {
        const Core::DemoStyle &d = demo.styles()[s];
        const Core::Style style{0, d.handle, d.title, d.vendor, d.productType};
        for (int v = 0; v < d.variants.size(); ++v) {
            const Core::DemoVariant &dv = d.variants[v];
            Core::Variant variant;
            variant.sku = dv.sku;
            variant.barcode = dv.barcode;
            variant.options[0] = {QStringLiteral("Color"), dv.color};
            variant.options[1] = {QStringLiteral("Size"), dv.size};
            variant.price = dv.price;
            productWriter.writeRecord(Core::ProductExporter::row(style, variant, v == 0));
            for (int l = 0; l < demo.locations().size(); ++l) {
                const qint64 onHand = demo.startingOnHand(s, v, l);
                QStringList cells = Core::InventoryExporter::row(
                    style, variant, demo.locations()[l].name, Core::Quantities{}, false);
                cells.last() = onHand > 0 ? QString::number(onHand) : QStringLiteral("not stocked");
                inventoryWriter.writeRecord(cells);
            }
        }
    }
    for (const Core::CsvWriter *writer : {&locationWriter, &productWriter, &inventoryWriter}) {
        if (const Core::Status written = writer->status(); !written) {
            return written;
        }
    }
    return Core::success();
}

} // namespace

int demoCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the generated business."),
                                  QStringLiteral("n"),
                                  QStringLiteral("2026"));
    const QCommandLineOption styles(QStringLiteral("styles"),
                                    QStringLiteral("Number of styles (1-5000)."),
                                    QStringLiteral("n"),
                                    QStringLiteral("160"));
    parser.addOptions({seed, styles});
    if (const int stop = context.parse(parser,
                                       arguments,
                                       QStringLiteral("Fill an empty ledger with a demo apparel "
                                                      "business, imported from generated "
                                                      "Shopify CSV files."));
        stop >= 0) {
        return stop;
    }
    bool seedOk = false;
    bool stylesOk = false;
    const quint32 seedValue = parser.value(seed).toUInt(&seedOk);
    const int styleCount = parser.value(styles).toInt(&stylesOk);
    if (!seedOk || !stylesOk || styleCount < 1 || styleCount > 5000) {
        context.err() << "--seed needs a non-negative whole number and --styles one from 1 to "
                         "5000\n";
        return ExitUsage;
    }
    QDir().mkpath(QFileInfo(context.ledgerPath()).absolutePath());
    Core::Store *store = context.openStore(false);
    if (!store) {
        return ExitStorage;
    }
    const auto existing = Core::Catalog(*store).styles();
    if (!existing) {
        context.err() << "cannot read the ledger: " << existing.error().message << '\n';
        return ExitStorage;
    }
    if (!existing.value().isEmpty()) {
        context.err() << "the ledger at " << context.ledgerPath() << " already has products ("
                      << existing.value().size()
                      << " styles); the demo only fills an empty ledger\n";
        return ExitFailed;
    }
    QTemporaryDir dir;
    const Core::DemoCatalog demo = Core::DemoCatalog::generate(seedValue, styleCount);
    if (const Core::Status written = dir.isValid()
                                         ? writeDemoFiles(demo, QDir(dir.path()))
                                         : Core::makeError(Core::ErrorCode::Io, dir.errorString());
        !written) {
        context.err() << "cannot write the demo files: " << written.error().message << '\n';
        return ExitFailed;
    }
    Core::ImportOptions options;
    options.actor = QStringLiteral("demo");
    const QDir files(dir.path());
    const auto locations = Core::LocationImporter(*store).importFile(
        files.filePath(QStringLiteral("locations.csv")), options);
    const auto products = locations && !locations.value().hasIssues()
                              ? Core::ProductImporter(*store).importFile(
                                  files.filePath(QStringLiteral("products.csv")), options)
                              : Core::Result<Core::ImportReport>(Core::ImportReport{});
    const auto inventory = products && !products.value().hasIssues()
                               ? Core::InventoryImporter(*store).importFile(
                                   files.filePath(QStringLiteral("inventory.csv")), options)
                               : Core::Result<Core::ImportReport>(Core::ImportReport{});
    for (const auto *report : {&locations, &products, &inventory}) {
        if (!*report) {
            context.err() << "demo import failed: " << report->error().message << '\n';
            return report->error().code == Core::ErrorCode::Storage ? ExitStorage : ExitFailed;
        }
        for (const Core::ImportIssue &issue : report->value().issues) {
            context.err() << issue.toString() << '\n';
        }
        if (report->value().hasIssues()) {
            return ExitFailed;
        }
    }
    context.out() << "demo ledger at " << context.ledgerPath() << ": "
                  << products.value().stylesCreated << " styles, "
                  << products.value().variantsCreated << " variants, "
                  << locations.value().locationsCreated << " locations, "
                  << inventory.value().postings << " stock counts\n";
    return ExitOk;
}

} // namespace Ledgerdesk::Cli
